/**
 * Sparkplug B 3.0 topic namespace (section 4.1):
 * `spBv1.0/<group_id>/<message_type>/<edge_node_id>[/<device_id>]` and `spBv1.0/STATE/<host_id>`.
 * Ids are non-empty UTF-8 strings without `+`, `/` or `#` (tck-id-topic-structure-namespace-valid-*).
 */

export const SPARKPLUG_NAMESPACE = 'spBv1.0';

export type NodeMessageType = 'NBIRTH' | 'NDEATH' | 'NDATA' | 'NCMD';
export type DeviceMessageType = 'DBIRTH' | 'DDEATH' | 'DDATA' | 'DCMD';

export type SparkplugTopic =
  | { readonly kind: 'node'; readonly groupId: string; readonly messageType: NodeMessageType; readonly edgeNodeId: string }
  | {
    readonly kind: 'device'; readonly groupId: string; readonly messageType: DeviceMessageType;
    readonly edgeNodeId: string; readonly deviceId: string;
  }
  | { readonly kind: 'state'; readonly hostId: string };

export type TopicRejection =
  | 'wrong-namespace'
  | 'unknown-message-type'
  | 'missing-device-id'
  | 'unexpected-device-id'
  | 'wrong-segment-count'
  | 'invalid-id';

export type TopicParseResult =
  | { readonly ok: true; readonly topic: SparkplugTopic }
  | { readonly ok: false; readonly reason: TopicRejection; readonly detail: string };

const NODE_TYPES: ReadonlySet<string> = new Set<NodeMessageType>(['NBIRTH', 'NDEATH', 'NDATA', 'NCMD']);
const DEVICE_TYPES: ReadonlySet<string> = new Set<DeviceMessageType>(['DBIRTH', 'DDEATH', 'DDATA', 'DCMD']);

/** True when `id` may stand as a group, edge node, device or host id. */
export function isValidSparkplugId(id: string): boolean {
  return id.length > 0 && !/[+/#]/.test(id);
}

const reject = (reason: TopicRejection, detail: string): TopicParseResult => ({ ok: false, reason, detail });

/**
 * Parses an MQTT topic into a Sparkplug topic. Never throws: every other shape gives a reason.
 * `spBv1.0/STATE/<host_id>` is always read as a host STATE topic (3.0 reserves it).
 */
export function parseSparkplugTopic(topic: string): TopicParseResult {
  const parts = topic.split('/');
  if (parts[0] !== SPARKPLUG_NAMESPACE) return reject('wrong-namespace', `expected ${SPARKPLUG_NAMESPACE}, got "${parts[0] ?? ''}"`);
  const [, groupId = '', messageType = '', edgeNodeId = '', deviceId] = parts;
  if (groupId === 'STATE') {
    if (parts.length !== 3) return reject('wrong-segment-count', 'STATE topics have exactly 3 segments');
    return isValidSparkplugId(messageType)
      ? { ok: true, topic: { kind: 'state', hostId: messageType } }
      : reject('invalid-id', `host id "${messageType}"`);
  }
  const isNode = NODE_TYPES.has(messageType);
  const isDevice = DEVICE_TYPES.has(messageType);
  if (!isNode && !isDevice) {
    return parts.length < 3 ? reject('wrong-segment-count', `${parts.length} segments`) : reject('unknown-message-type', `"${messageType}"`);
  }
  if (parts.length > 5 || parts.length < 4) return reject('wrong-segment-count', `${parts.length} segments`);
  if (isNode && parts.length === 5) return reject('unexpected-device-id', `${messageType} takes no device id`);
  if (isDevice && parts.length === 4) return reject('missing-device-id', `${messageType} needs a device id`);
  for (const [label, id] of [['group id', groupId], ['edge node id', edgeNodeId], ['device id', deviceId]] as const) {
    if (id !== undefined && !isValidSparkplugId(id)) return reject('invalid-id', `${label} "${id}"`);
  }
  if (isNode) return { ok: true, topic: { kind: 'node', groupId, messageType: messageType as NodeMessageType, edgeNodeId } };
  return {
    ok: true,
    topic: { kind: 'device', groupId, messageType: messageType as DeviceMessageType, edgeNodeId, deviceId: deviceId ?? '' },
  };
}

/** Formats a Sparkplug topic; the inverse of {@link parseSparkplugTopic} for valid ids. */
export function formatSparkplugTopic(topic: SparkplugTopic): string {
  switch (topic.kind) {
    case 'state': return `${SPARKPLUG_NAMESPACE}/STATE/${topic.hostId}`;
    case 'node': return `${SPARKPLUG_NAMESPACE}/${topic.groupId}/${topic.messageType}/${topic.edgeNodeId}`;
    case 'device': return `${SPARKPLUG_NAMESPACE}/${topic.groupId}/${topic.messageType}/${topic.edgeNodeId}/${topic.deviceId}`;
  }
}
