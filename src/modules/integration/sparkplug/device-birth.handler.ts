import type { MessageContext, SessionState } from './host-session.state.js';
import type { MetricSource } from './host-session.types.js';
import { aliasesOf, readBirthCatalog } from './metric-catalog.reader.js';
import { emitMetricValue } from './metric-value.effects.js';
import { admitSequenced, refuseUntilRebirth } from './sequence.guard.js';
import type { SparkplugPayload } from './sparkplug-payload.types.js';

/**
 * Applies a DBIRTH: the device is online with its own metric catalog. It must follow a current
 * NBIRTH in the node's seq stream, and its aliases must not collide with those of the node or of
 * the node's other devices (3.0, tck-id-payloads-alias-uniqueness); otherwise the node is asked to rebirth.
 */
export function applyDeviceBirth(state: SessionState, ctx: MessageContext, device: Required<MetricSource>, payload: SparkplugPayload): void {
  const ns = admitSequenced(state, ctx, device, payload);
  if (!ns) return;
  const taken = new Set(aliasesOf(ns.catalog));
  for (const [deviceId, other] of ns.devices) {
    if (deviceId !== device.deviceId) for (const alias of aliasesOf(other.catalog)) taken.add(alias);
  }
  const read = readBirthCatalog(payload.metrics, taken);
  if (!read.ok) {
    refuseUntilRebirth(state, ctx, device, ns, 'invalid-birth', read.detail);
    return;
  }
  ns.devices.set(device.deviceId, { online: true, catalog: read.catalog });
  ctx.effects.push(
    { kind: 'device-state', device, state: 'online', at: ctx.receivedAt },
    { kind: 'birth-recorded', source: device, metrics: read.definitions, at: ctx.receivedAt },
  );
  for (const metric of payload.metrics) {
    const definition = read.catalog.byName.get(metric.name ?? '');
    if (definition) emitMetricValue(state, ctx, device, definition, metric, payload.timestamp);
  }
}
