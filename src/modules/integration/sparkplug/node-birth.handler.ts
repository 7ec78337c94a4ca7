import { readBdSeq } from './bd-seq.reader.js';
import { nodeState, type MessageContext, type SessionState } from './host-session.state.js';
import type { NodeRef } from './host-session.types.js';
import { readBirthCatalog } from './metric-catalog.reader.js';
import { emitMetricValue } from './metric-value.effects.js';
import { refuseUntilRebirth } from './sequence.guard.js';
import type { SparkplugPayload } from './sparkplug-payload.types.js';

/**
 * Applies an NBIRTH: the node is online with a new metric catalog, the bdSeq its NDEATH must match,
 * and a seq baseline; the devices it had are forgotten until their next DBIRTH (3.0, 4.2.1: "any devices
 * that have previously published a DBIRTH will still have STALE metric quality until ... DBIRTH").
 * The NBIRTH seq is taken as the baseline whatever its value: 3.0 first required 0, later text allows
 * 0..255 (eclipse-sparkplug/sparkplug#178, eclipse-tahu/tahu#373), and either way the next message is seq + 1.
 */
export function applyNodeBirth(state: SessionState, ctx: MessageContext, node: NodeRef, payload: SparkplugPayload): void {
  const ns = nodeState(state, node);
  const seq = payload.seq;
  if (seq === undefined || seq > 255) {
    refuseUntilRebirth(state, ctx, node, ns, 'missing-seq', seq === undefined ? 'NBIRTH without seq' : `NBIRTH seq ${seq}`);
    return;
  }
  const bdSeq = readBdSeq(payload.metrics);
  if (bdSeq === undefined) {
    refuseUntilRebirth(state, ctx, node, ns, 'invalid-birth', 'NBIRTH without an integer bdSeq metric');
    return;
  }
  const read = readBirthCatalog(payload.metrics, new Set());
  if (!read.ok) {
    refuseUntilRebirth(state, ctx, node, ns, 'invalid-birth', read.detail);
    return;
  }
  const devicesReset = [...ns.devices.keys()];
  ns.status = 'online';
  ns.bdSeq = bdSeq;
  ns.nextSeq = (seq + 1) % 256;
  ns.catalog = read.catalog;
  ns.devices = new Map();
  ctx.effects.push(
    { kind: 'node-state', node, state: 'online', bdSeq, at: ctx.receivedAt, devicesReset },
    { kind: 'birth-recorded', source: node, metrics: read.definitions, at: ctx.receivedAt },
  );
  for (const metric of payload.metrics) {
    const definition = read.catalog.byName.get(metric.name ?? '');
    if (definition) emitMetricValue(state, ctx, node, definition, metric, payload.timestamp);
  }
}
