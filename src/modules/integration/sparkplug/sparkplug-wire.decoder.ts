import type {
  BasicWireValue, PropertyWireValue, SparkplugDataSet, SparkplugMetaData, SparkplugMetric, SparkplugPayload,
  SparkplugPropertySet, SparkplugPropertyValue, SparkplugTemplate, SparkplugTemplateParameter, WireValue,
} from './sparkplug-payload.types.js';
import { wireToBigInt, wireToSafeNumber } from './sparkplug-wire.numbers.js';

/** A message as protobufjs decodes it: own properties are the fields present on the wire. */
type RawMessage = Readonly<Record<string, unknown>>;

const has = (m: RawMessage, key: string): boolean => Object.prototype.hasOwnProperty.call(m, key) && m[key] != null;

function messages(m: RawMessage, key: string): RawMessage[] {
  const list = m[key];
  return Array.isArray(list) ? (list as RawMessage[]) : [];
}

function str(m: RawMessage, key: string): string | undefined {
  return has(m, key) ? String(m[key]) : undefined;
}

function bool(m: RawMessage, key: string): boolean | undefined {
  return has(m, key) ? Boolean(m[key]) : undefined;
}

function uint32(m: RawMessage, key: string): number | undefined {
  return has(m, key) ? Number(m[key]) >>> 0 : undefined;
}

function copyBytes(value: unknown): Uint8Array {
  // A fresh Uint8Array: protobufjs hands out Buffer views into the received message.
  return value instanceof Uint8Array ? Uint8Array.from(value) : new Uint8Array();
}

function basicValue(m: RawMessage, member: string, field: string): BasicWireValue | undefined {
  const raw = m[member];
  switch (member) {
    case 'intValue': return { kind: 'int', value: Number(raw) >>> 0 };
    case 'longValue': return { kind: 'long', value: wireToBigInt(raw, field) };
    case 'floatValue': return { kind: 'float', value: Number(raw) };
    case 'doubleValue': return { kind: 'double', value: Number(raw) };
    case 'booleanValue': return { kind: 'boolean', value: Boolean(raw) };
    case 'stringValue': return { kind: 'string', value: String(raw) };
    case 'extensionValue': return { kind: 'extension' };
    default: return undefined;
  }
}

// The `value` oneof virtual property names the member that is set (see sparkplug.schema.ts).
const setMember = (m: RawMessage): string | undefined => (typeof m['value'] === 'string' ? m['value'] : undefined);

function dataSet(m: RawMessage): SparkplugDataSet {
  return {
    ...(has(m, 'numOfColumns') ? { numOfColumns: wireToBigInt(m['numOfColumns'], 'dataset.numOfColumns') } : {}),
    columns: ((m['columns'] as unknown[] | undefined) ?? []).map(String),
    types: ((m['types'] as unknown[] | undefined) ?? []).map((t) => Number(t) >>> 0),
    rows: messages(m, 'rows').map((row) => messages(row, 'elements').map((cell) => {
      const member = setMember(cell);
      return member === undefined ? null : basicValue(cell, member, 'dataset.cell') ?? null;
    })),
  };
}

function parameter(m: RawMessage): SparkplugTemplateParameter {
  const member = setMember(m);
  const value = member === undefined ? undefined : basicValue(m, member, 'template.parameter');
  return { name: str(m, 'name'), type: uint32(m, 'type'), ...(value ? { value } : {}) };
}

function template(m: RawMessage): SparkplugTemplate {
  return {
    version: str(m, 'version'),
    metrics: messages(m, 'metrics').map(metric),
    parameters: messages(m, 'parameters').map(parameter),
    templateRef: str(m, 'templateRef'),
    isDefinition: bool(m, 'isDefinition'),
  };
}

function propertyValue(m: RawMessage): SparkplugPropertyValue {
  const member = setMember(m);
  let value: PropertyWireValue | undefined;
  if (member === 'propertysetValue') value = { kind: 'propertyset', value: propertySet(m[member] as RawMessage) };
  else if (member === 'propertysetsValue') {
    value = { kind: 'propertysets', value: messages(m[member] as RawMessage, 'propertyset').map(propertySet) };
  } else if (member !== undefined) value = basicValue(m, member, 'property');
  return { type: uint32(m, 'type'), isNull: bool(m, 'isNull'), ...(value ? { value } : {}) };
}

function propertySet(m: RawMessage): SparkplugPropertySet {
  return { keys: ((m['keys'] as unknown[] | undefined) ?? []).map(String), values: messages(m, 'values').map(propertyValue) };
}

function metaData(m: RawMessage): SparkplugMetaData {
  return {
    isMultiPart: bool(m, 'isMultiPart'),
    contentType: str(m, 'contentType'),
    size: has(m, 'size') ? wireToBigInt(m['size'], 'metadata.size') : undefined,
    seq: has(m, 'seq') ? wireToBigInt(m['seq'], 'metadata.seq') : undefined,
    fileName: str(m, 'fileName'),
    fileType: str(m, 'fileType'),
    md5: str(m, 'md5'),
    description: str(m, 'description'),
  };
}

function metricValue(m: RawMessage): WireValue | undefined {
  const member = setMember(m);
  if (member === undefined) return undefined;
  if (member === 'bytesValue') return { kind: 'bytes', value: copyBytes(m[member]) };
  if (member === 'datasetValue') return { kind: 'dataset', value: dataSet(m[member] as RawMessage) };
  if (member === 'templateValue') return { kind: 'template', value: template(m[member] as RawMessage) };
  return basicValue(m, member, 'metric.value');
}

function metric(m: RawMessage): SparkplugMetric {
  // Built member by member (the hot path of every DATA message): a member is set only when present on the wire,
  // so nothing is left to strip afterwards; the rare nested structures are compacted on their own.
  const out: { -readonly [K in keyof SparkplugMetric]: SparkplugMetric[K] } = {};
  if (has(m, 'name')) out.name = String(m['name']);
  if (has(m, 'alias')) out.alias = wireToBigInt(m['alias'], 'metric.alias');
  if (has(m, 'timestamp')) out.timestamp = wireToSafeNumber(m['timestamp'], 'metric.timestamp');
  if (has(m, 'datatype')) out.datatype = Number(m['datatype']) >>> 0;
  if (has(m, 'isHistorical')) out.isHistorical = Boolean(m['isHistorical']);
  if (has(m, 'isTransient')) out.isTransient = Boolean(m['isTransient']);
  if (has(m, 'isNull')) out.isNull = Boolean(m['isNull']);
  if (has(m, 'metadata')) out.metadata = compact(metaData(m['metadata'] as RawMessage));
  if (has(m, 'properties')) out.properties = compact(propertySet(m['properties'] as RawMessage));
  const value = metricValue(m);
  if (value) out.value = value.kind === 'dataset' || value.kind === 'template' ? compact(value) : value;
  return out;
}

/** Strips `undefined` members recursively so decoded payloads compare by their wire content alone. */
function compact<T>(value: T): T {
  if (Array.isArray(value)) return value.map(compact) as T;
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return value;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, compact(v)]);
  return Object.fromEntries(entries) as T;
}

/**
 * Maps a protobufjs-decoded Payload message to Takt's model. Absent optional fields stay absent.
 * Throws `SparkplugWireError` when a timestamp or seq exceeds 2^53-1 or a 64-bit field is unreadable.
 */
export function payloadFromWire(message: object): SparkplugPayload {
  const m = message as RawMessage;
  const out: { -readonly [K in keyof SparkplugPayload]: SparkplugPayload[K] } = { metrics: messages(m, 'metrics').map(metric) };
  if (has(m, 'timestamp')) out.timestamp = wireToSafeNumber(m['timestamp'], 'payload.timestamp');
  if (has(m, 'seq')) out.seq = wireToSafeNumber(m['seq'], 'payload.seq');
  if (has(m, 'uuid')) out.uuid = String(m['uuid']);
  if (has(m, 'body')) out.body = copyBytes(m['body']);
  return out;
}
