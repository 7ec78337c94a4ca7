import protobuf from 'protobufjs';

/**
 * Takt's own protobuf description of the Sparkplug B payload, built with protobufjs reflection.
 * Field numbers and wire types follow the Sparkplug 3.0 specification (section 6.4.1, "Google
 * Protocol Buffer Schema"); names are Takt's (camelCase, flat message names), which the wire never
 * carries. Interoperability with the official schema is proven by the codec's tests.
 */

type FieldRule = 'optional' | 'repeated';
type FieldSpec = readonly [name: string, id: number, type: string, rule?: FieldRule];

function messageType(name: string, fields: readonly FieldSpec[], valueOneOf: readonly FieldSpec[] = []): protobuf.Type {
  const type = new protobuf.Type(name);
  for (const [fieldName, id, fieldType, rule] of [...fields, ...valueOneOf]) {
    type.add(new protobuf.Field(fieldName, id, fieldType, rule));
  }
  if (valueOneOf.length > 0) {
    // The message's `value` virtual property then names whichever member is set.
    type.add(new protobuf.OneOf('value', valueOneOf.map(([fieldName]) => fieldName)));
  }
  return type;
}

// Shared by the value oneofs of DataSetValue (1..7), Parameter (3..9) and PropertyValue (3..8).
function basicValueMembers(firstId: number): FieldSpec[] {
  return [
    ['intValue', firstId, 'uint32'],
    ['longValue', firstId + 1, 'uint64'],
    ['floatValue', firstId + 2, 'float'],
    ['doubleValue', firstId + 3, 'double'],
    ['booleanValue', firstId + 4, 'bool'],
    ['stringValue', firstId + 5, 'string'],
  ];
}

function buildRoot(): protobuf.Root {
  const ns = new protobuf.Namespace('takt').add(new protobuf.Namespace('sparkplug'));
  const sparkplug = ns.lookup('sparkplug') as protobuf.Namespace;
  const types = [
    // An empty message for the third-party `extension_value` members: skipped, never interpreted.
    messageType('Extension', []),
    messageType('DataSetValue', [], [...basicValueMembers(1), ['extensionValue', 7, 'Extension']]),
    messageType('DataSetRow', [['elements', 1, 'DataSetValue', 'repeated']]),
    messageType('DataSet', [
      ['numOfColumns', 1, 'uint64', 'optional'],
      ['columns', 2, 'string', 'repeated'],
      ['types', 3, 'uint32', 'repeated'],
      ['rows', 4, 'DataSetRow', 'repeated'],
    ]),
    messageType('TemplateParameter', [['name', 1, 'string', 'optional'], ['type', 2, 'uint32', 'optional']], [
      ...basicValueMembers(3),
      ['extensionValue', 9, 'Extension'],
    ]),
    messageType('Template', [
      ['version', 1, 'string', 'optional'],
      ['metrics', 2, 'Metric', 'repeated'],
      ['parameters', 3, 'TemplateParameter', 'repeated'],
      ['templateRef', 4, 'string', 'optional'],
      ['isDefinition', 5, 'bool', 'optional'],
    ]),
    messageType('PropertyValue', [['type', 1, 'uint32', 'optional'], ['isNull', 2, 'bool', 'optional']], [
      ...basicValueMembers(3),
      ['propertysetValue', 9, 'PropertySet'],
      ['propertysetsValue', 10, 'PropertySetList'],
      ['extensionValue', 11, 'Extension'],
    ]),
    messageType('PropertySet', [['keys', 1, 'string', 'repeated'], ['values', 2, 'PropertyValue', 'repeated']]),
    messageType('PropertySetList', [['propertyset', 1, 'PropertySet', 'repeated']]),
    messageType('MetaData', [
      ['isMultiPart', 1, 'bool', 'optional'],
      ['contentType', 2, 'string', 'optional'],
      ['size', 3, 'uint64', 'optional'],
      ['seq', 4, 'uint64', 'optional'],
      ['fileName', 5, 'string', 'optional'],
      ['fileType', 6, 'string', 'optional'],
      ['md5', 7, 'string', 'optional'],
      ['description', 8, 'string', 'optional'],
    ]),
    messageType('Metric', [
      ['name', 1, 'string', 'optional'],
      ['alias', 2, 'uint64', 'optional'],
      ['timestamp', 3, 'uint64', 'optional'],
      ['datatype', 4, 'uint32', 'optional'],
      ['isHistorical', 5, 'bool', 'optional'],
      ['isTransient', 6, 'bool', 'optional'],
      ['isNull', 7, 'bool', 'optional'],
      ['metadata', 8, 'MetaData', 'optional'],
      ['properties', 9, 'PropertySet', 'optional'],
    ], [
      ['intValue', 10, 'uint32'],
      ['longValue', 11, 'uint64'],
      ['floatValue', 12, 'float'],
      ['doubleValue', 13, 'double'],
      ['booleanValue', 14, 'bool'],
      ['stringValue', 15, 'string'],
      ['bytesValue', 16, 'bytes'],
      ['datasetValue', 17, 'DataSet'],
      ['templateValue', 18, 'Template'],
      ['extensionValue', 19, 'Extension'],
    ]),
    messageType('Payload', [
      ['timestamp', 1, 'uint64', 'optional'],
      ['metrics', 2, 'Metric', 'repeated'],
      ['seq', 3, 'uint64', 'optional'],
      ['uuid', 4, 'string', 'optional'],
      ['body', 5, 'bytes', 'optional'],
    ]),
  ];
  for (const type of types) sparkplug.add(type);
  const root = new protobuf.Root();
  root.add(ns);
  root.resolveAll();
  return root;
}

const root = buildRoot();

/** The top-level Sparkplug B payload message type (resolved, ready to encode and decode). */
export const payloadType: protobuf.Type = root.lookupType('takt.sparkplug.Payload');
