import type {
  PropertyWireValue, SparkplugDataSet, SparkplugMetaData, SparkplugMetric, SparkplugPayload, SparkplugPropertySet,
  SparkplugPropertyValue, SparkplugTemplate, SparkplugTemplateParameter, WireValue,
} from './sparkplug-payload.types.js';
import { bigIntToWire, checkUint32, safeNumberToWire } from './sparkplug-wire.numbers.js';

/** A plain object in the shape protobufjs encodes against Takt's schema. */
type WireObject = Record<string, unknown>;

// Optional fields are left out entirely when undefined, so protobufjs writes exactly what is present.
function defined(entries: Record<string, unknown>): WireObject {
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined));
}

function valueMember(value: WireValue | PropertyWireValue, field: string): WireObject {
  switch (value.kind) {
    case 'int': return { intValue: checkUint32(value.value, field) };
    case 'long': return { longValue: bigIntToWire(value.value, field) };
    case 'float': return { floatValue: value.value };
    case 'double': return { doubleValue: value.value };
    case 'boolean': return { booleanValue: value.value };
    case 'string': return { stringValue: value.value };
    case 'bytes': return { bytesValue: value.value };
    case 'dataset': return { datasetValue: dataSet(value.value) };
    case 'template': return { templateValue: template(value.value) };
    case 'propertyset': return { propertysetValue: propertySet(value.value) };
    case 'propertysets': return { propertysetsValue: { propertyset: value.value.map(propertySet) } };
    case 'extension': return { extensionValue: {} };
  }
}

function dataSet(ds: SparkplugDataSet): WireObject {
  return defined({
    numOfColumns: ds.numOfColumns === undefined ? undefined : bigIntToWire(ds.numOfColumns, 'dataset.numOfColumns'),
    columns: [...ds.columns],
    types: ds.types.map((t) => checkUint32(t, 'dataset.types')),
    rows: ds.rows.map((row) => ({ elements: row.map((cell) => (cell === null ? {} : valueMember(cell, 'dataset.cell'))) })),
  });
}

function parameter(p: SparkplugTemplateParameter): WireObject {
  return defined({
    name: p.name,
    type: p.type === undefined ? undefined : checkUint32(p.type, 'parameter.type'),
    ...(p.value ? valueMember(p.value, 'parameter.value') : {}),
  });
}

function template(t: SparkplugTemplate): WireObject {
  return defined({
    version: t.version,
    metrics: t.metrics.map(metric),
    parameters: t.parameters.map(parameter),
    templateRef: t.templateRef,
    isDefinition: t.isDefinition,
  });
}

function propertyValue(v: SparkplugPropertyValue): WireObject {
  return defined({
    type: v.type === undefined ? undefined : checkUint32(v.type, 'property.type'),
    isNull: v.isNull,
    ...(v.value ? valueMember(v.value, 'property.value') : {}),
  });
}

function propertySet(set: SparkplugPropertySet): WireObject {
  return { keys: [...set.keys], values: set.values.map(propertyValue) };
}

function metaData(md: SparkplugMetaData): WireObject {
  return defined({
    ...md,
    size: md.size === undefined ? undefined : bigIntToWire(md.size, 'metadata.size'),
    seq: md.seq === undefined ? undefined : bigIntToWire(md.seq, 'metadata.seq'),
  });
}

function metric(m: SparkplugMetric): WireObject {
  return defined({
    name: m.name,
    alias: m.alias === undefined ? undefined : bigIntToWire(m.alias, 'metric.alias'),
    timestamp: m.timestamp === undefined ? undefined : safeNumberToWire(m.timestamp, 'metric.timestamp'),
    datatype: m.datatype === undefined ? undefined : checkUint32(m.datatype, 'metric.datatype'),
    isHistorical: m.isHistorical,
    isTransient: m.isTransient,
    isNull: m.isNull,
    metadata: m.metadata ? metaData(m.metadata) : undefined,
    properties: m.properties ? propertySet(m.properties) : undefined,
    ...(m.value ? valueMember(m.value, 'metric.value') : {}),
  });
}

/** Maps Takt's payload model to the plain object protobufjs encodes; throws RangeError on out-of-range numbers. */
export function payloadToWire(payload: SparkplugPayload): WireObject {
  return defined({
    timestamp: payload.timestamp === undefined ? undefined : safeNumberToWire(payload.timestamp, 'payload.timestamp'),
    metrics: payload.metrics.map(metric),
    seq: payload.seq === undefined ? undefined : safeNumberToWire(payload.seq, 'payload.seq'),
    uuid: payload.uuid,
    body: payload.body,
  });
}
