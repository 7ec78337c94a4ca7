import { dataTypeCode, dataTypeName, type SparkplugDataType } from './sparkplug-datatype.codes.js';
import { fromWireValue, toWireValue, type MetricValue, type ValueResult } from './sparkplug-metric-value.mapper.js';
import type { SparkplugMetaData, SparkplugMetric, SparkplugPropertySet } from './sparkplug-payload.types.js';

export interface TypedMetricInput {
  readonly name?: string;
  readonly alias?: bigint | number;
  readonly timestamp?: number;
  readonly datatype: SparkplugDataType;
  /** `null` sets `is_null` and sends no value. */
  readonly value: MetricValue | null;
  /** Birth metrics must carry their datatype; DATA metrics should not (Sparkplug 3.0, 6.4.6). Default true. */
  readonly includeDatatype?: boolean;
  readonly isHistorical?: boolean;
  readonly isTransient?: boolean;
  readonly properties?: SparkplugPropertySet;
  readonly metadata?: SparkplugMetaData;
}

/**
 * Builds a wire metric from a typed value. Guarantees that `readMetricValue` on the result, with the
 * same datatype, gives the value back. Throws RangeError when the value does not fit the datatype
 * (a producer's bug; receivers never call this).
 */
export function typedMetric(input: TypedMetricInput): SparkplugMetric {
  const base: SparkplugMetric = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.alias !== undefined ? { alias: BigInt(input.alias) } : {}),
    ...(input.timestamp !== undefined ? { timestamp: input.timestamp } : {}),
    ...(input.includeDatatype === false ? {} : { datatype: dataTypeCode(input.datatype) }),
    ...(input.isHistorical ? { isHistorical: true } : {}),
    ...(input.isTransient ? { isTransient: true } : {}),
    ...(input.properties ? { properties: input.properties } : {}),
    ...(input.metadata ? { metadata: input.metadata } : {}),
  };
  if (input.value === null) return { ...base, isNull: true };
  const wire = toWireValue(input.datatype, input.value);
  if (!wire.ok) throw new RangeError(`metric ${input.name ?? String(input.alias)}: ${wire.detail}`);
  return { ...base, value: wire.value };
}

/**
 * Reads a metric's typed value using its own datatype, or `datatype` when the metric carries none
 * (DATA messages usually rely on the birth's datatype). `is_null` gives `null`. Never throws.
 */
export function readMetricValue(metric: SparkplugMetric, datatype?: SparkplugDataType): ValueResult<MetricValue | null> {
  const own = metric.datatype === undefined ? undefined : dataTypeName(metric.datatype);
  if (metric.datatype !== undefined && own === undefined) {
    return { ok: false, reason: 'unknown-datatype', detail: `datatype code ${metric.datatype}` };
  }
  const effective = own ?? datatype;
  if (effective === undefined) return { ok: false, reason: 'unknown-datatype', detail: 'metric carries no datatype' };
  if (metric.isNull === true) return { ok: true, value: null };
  if (metric.value === undefined) return { ok: false, reason: 'missing-value', detail: 'no value and is_null not set' };
  return fromWireValue(effective, metric.value);
}
