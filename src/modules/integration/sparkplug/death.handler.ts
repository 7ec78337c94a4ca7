import { readBdSeq } from './bd-seq.reader.js';
import { drop, nodeKey, type MessageContext, type SessionState } from './host-session.state.js';
import type { MetricSource, NodeRef } from './host-session.types.js';
import { admitSequenced, refuseUntilRebirth } from './sequence.guard.js';
import type { SparkplugPayload } from './sparkplug-payload.types.js';

/**
 * Applies an NDEATH. Only the death of the current session counts: its bdSeq must equal the current
 * NBIRTH's (3.0, 4.2.1 "with a bdSeq number that matches the preceding bdSeq number in the NBIRTH");
 * any other is a stale Will and ignored. The node and all its devices go offline and their metrics
 * stale at the host's receive time (tck-id-operational-behavior-edge-node-termination-host-action-ndeath-*).
 * NDEATH carries no seq (tck-id-payloads-ndeath-seq), so it is never seq-checked.
 */
export function applyNodeDeath(state: SessionState, ctx: MessageContext, node: NodeRef, payload: SparkplugPayload): void {
  const bdSeq = readBdSeq(payload.metrics);
  if (bdSeq === undefined) {
    drop(state, ctx, 'invalid-death', 'NDEATH without an integer bdSeq metric');
    return;
  }
  const ns = state.nodes.get(nodeKey(node));
  const current = ns && (ns.status === 'online' || ns.status === 'awaiting-rebirth') ? ns.bdSeq : undefined;
  if (!ns || current !== bdSeq) {
    drop(state, ctx, 'stale-death', `NDEATH bdSeq ${bdSeq}, current NBIRTH bdSeq ${current ?? 'none'}`);
    return;
  }
  const at = ctx.receivedAt;
  for (const [deviceId, device] of ns.devices) {
    if (!device.online) continue;
    device.online = false;
    const source = { ...node, deviceId };
    ctx.effects.push(
      { kind: 'device-state', device: source, state: 'offline', at },
      { kind: 'metrics-stale', source, names: [...device.catalog.byName.keys()], at, cause: 'node-death' },
    );
  }
  ns.status = 'offline';
  ctx.effects.push(
    { kind: 'node-state', node, state: 'offline', bdSeq, at, devicesReset: [] },
    { kind: 'metrics-stale', source: node, names: [...ns.catalog.byName.keys()], at, cause: 'node-death' },
  );
}

/**
 * Applies a DDEATH: part of the node's seq stream; the device goes offline and its metrics stale at
 * the DDEATH payload timestamp (tck-id-operational-behavior-edge-node-termination-host-action-ddeath-*),
 * or the receive time when the payload has none.
 */
export function applyDeviceDeath(state: SessionState, ctx: MessageContext, source: Required<MetricSource>, payload: SparkplugPayload): void {
  const ns = admitSequenced(state, ctx, source, payload);
  if (!ns) return;
  const device = ns.devices.get(source.deviceId);
  if (!device?.online) {
    refuseUntilRebirth(state, ctx, source, ns, 'unknown-device', `DDEATH for device "${source.deviceId}" without a current DBIRTH`);
    return;
  }
  const at = payload.timestamp ?? ctx.receivedAt;
  device.online = false;
  ctx.effects.push(
    { kind: 'device-state', device: source, state: 'offline', at },
    { kind: 'metrics-stale', source, names: [...device.catalog.byName.keys()], at, cause: 'device-death' },
  );
}
