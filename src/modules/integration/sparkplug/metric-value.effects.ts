import { drop, type MessageContext, type SessionState } from './host-session.state.js';
import type { MetricDefinition, MetricSource } from './host-session.types.js';
import { readMetricValue } from './sparkplug-metric.builder.js';
import type { SparkplugMetric } from './sparkplug-payload.types.js';

/**
 * Emits the effects of one metric value from a birth or DATA message:
 * - `metric-update` (live state) unless the value is historical: Sparkplug 3.0, 6.4.6, "is_historical
 *   ... should not be considered a real time/current value";
 * - `metric-record` (to store) unless the value is transient: "should not be stored in a historian".
 * The value's time is the metric timestamp, else the payload timestamp, else the receive time.
 * A value that does not fit the birth datatype is dropped as `invalid-value`.
 */
export function emitMetricValue(
  state: SessionState, ctx: MessageContext, source: MetricSource, definition: MetricDefinition,
  metric: SparkplugMetric, payloadTimestamp: number | undefined,
): void {
  const read = readMetricValue(metric, definition.datatype);
  if (!read.ok) {
    drop(state, ctx, 'invalid-value', `"${definition.name}": ${read.detail}`);
    return;
  }
  // Objects written out in full (no spread of a shared base): two of them for every value a machine sends.
  const { name, datatype } = definition;
  const value = read.value;
  const timestamp = metric.timestamp ?? payloadTimestamp ?? ctx.receivedAt;
  const historical = metric.isHistorical === true;
  if (!historical) ctx.effects.push({ kind: 'metric-update', source, name, datatype, value, timestamp });
  if (metric.isTransient !== true) ctx.effects.push({ kind: 'metric-record', source, name, datatype, value, timestamp, historical, receivedAt: ctx.receivedAt });
}
