/**
 * Takt's model of a Sparkplug B payload, faithful to the wire: what the codec decodes is exactly
 * what it encodes back.
 *
 * 64-bit choice: every uint64 that can exceed 2^53 in practice (metric alias, long_value, metadata
 * size/seq, data set column count) is a `bigint`, so nothing is rounded. Timestamps and `seq` are
 * plain `number`s (milliseconds since epoch and 0..255 fit easily); the decoder refuses a payload
 * whose timestamp or seq is beyond Number.MAX_SAFE_INTEGER rather than round it.
 */

/** A value as one of the protobuf `oneof value` members carries it, before its Sparkplug data type is applied. */
export type WireValue =
  | { readonly kind: 'int'; readonly value: number } // uint32 int_value, 0..2^32-1
  | { readonly kind: 'long'; readonly value: bigint } // uint64 long_value, 0..2^64-1
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'double'; readonly value: number }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'bytes'; readonly value: Uint8Array }
  | { readonly kind: 'dataset'; readonly value: SparkplugDataSet }
  | { readonly kind: 'template'; readonly value: SparkplugTemplate }
  | { readonly kind: 'extension' }; // a third-party extension value; its content is not interpreted

/** The value members shared by data set cells, template parameters and property values. */
export type BasicWireValue = Extract<WireValue, { kind: 'int' | 'long' | 'float' | 'double' | 'boolean' | 'string' | 'extension' }>;

export interface SparkplugDataSet {
  readonly numOfColumns?: bigint;
  readonly columns: readonly string[];
  readonly types: readonly number[];
  /** Each row's cells; `null` is a cell with no value member set. */
  readonly rows: readonly (readonly (BasicWireValue | null)[])[];
}

export interface SparkplugTemplateParameter {
  readonly name?: string;
  readonly type?: number;
  readonly value?: BasicWireValue;
}

export interface SparkplugTemplate {
  readonly version?: string;
  readonly metrics: readonly SparkplugMetric[];
  readonly parameters: readonly SparkplugTemplateParameter[];
  readonly templateRef?: string;
  readonly isDefinition?: boolean;
}

export type PropertyWireValue =
  | BasicWireValue
  | { readonly kind: 'propertyset'; readonly value: SparkplugPropertySet }
  | { readonly kind: 'propertysets'; readonly value: readonly SparkplugPropertySet[] };

export interface SparkplugPropertyValue {
  readonly type?: number;
  readonly isNull?: boolean;
  readonly value?: PropertyWireValue;
}

export interface SparkplugPropertySet {
  readonly keys: readonly string[];
  readonly values: readonly SparkplugPropertyValue[];
}

export interface SparkplugMetaData {
  readonly isMultiPart?: boolean;
  readonly contentType?: string;
  readonly size?: bigint;
  readonly seq?: bigint;
  readonly fileName?: string;
  readonly fileType?: string;
  readonly md5?: string;
  readonly description?: string;
}

export interface SparkplugMetric {
  readonly name?: string;
  readonly alias?: bigint;
  /** Milliseconds since epoch, UTC. */
  readonly timestamp?: number;
  /** The raw data type code; see `dataTypeName`. */
  readonly datatype?: number;
  readonly isHistorical?: boolean;
  readonly isTransient?: boolean;
  readonly isNull?: boolean;
  readonly metadata?: SparkplugMetaData;
  readonly properties?: SparkplugPropertySet;
  readonly value?: WireValue;
}

export interface SparkplugPayload {
  /** Milliseconds since epoch, UTC, at publish time. */
  readonly timestamp?: number;
  readonly metrics: readonly SparkplugMetric[];
  readonly seq?: number;
  readonly uuid?: string;
  readonly body?: Uint8Array;
}
