import { drop, type MessageContext, type SessionState } from './host-session.state.js';
import type { MetricSource } from './host-session.types.js';
import { resolveDataMetric } from './metric-catalog.reader.js';
import { emitMetricValue } from './metric-value.effects.js';
import { requestRebirth } from './rebirth.request.js';
import { admitSequenced, refuseUntilRebirth } from './sequence.guard.js';
import type { SparkplugPayload } from './sparkplug-payload.types.js';

/**
 * Applies an NDATA (no `deviceId`) or DDATA: each metric is resolved against its birth, by alias or
 * name, and emitted. A metric the birth did not declare is dropped and the node asked to rebirth
 * (3.0, 6.4.13: a rebirth "can be requested if ... a metric arrives in an NDATA or DDATA message that
 * was not provided in the original NBIRTH or DBIRTH"); the metrics that do resolve are still applied.
 * A datatype different from the birth's, or a value that does not fit it, drops that metric only.
 */
export function applyData(state: SessionState, ctx: MessageContext, source: MetricSource, payload: SparkplugPayload): void {
  const ns = admitSequenced(state, ctx, source, payload);
  if (!ns) return;
  let catalog = ns.catalog;
  if (source.deviceId !== undefined) {
    const device = ns.devices.get(source.deviceId);
    if (!device?.online) {
      refuseUntilRebirth(state, ctx, source, ns, 'unknown-device', `device "${source.deviceId}" has no current DBIRTH`);
      return;
    }
    catalog = device.catalog;
  }
  let birthOutOfDate = false;
  for (const metric of payload.metrics) {
    const resolved = resolveDataMetric(catalog, metric);
    if (!resolved.ok) {
      drop(state, ctx, resolved.reason, resolved.detail);
      birthOutOfDate ||= resolved.reason !== 'datatype-mismatch';
      continue;
    }
    emitMetricValue(state, ctx, source, resolved.definition, metric, payload.timestamp);
  }
  if (birthOutOfDate) {
    ns.status = 'awaiting-rebirth';
    requestRebirth(state, ctx, source, ns);
  }
}
