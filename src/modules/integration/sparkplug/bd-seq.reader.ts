import { readMetricValue } from './sparkplug-metric.builder.js';
import type { SparkplugMetric } from './sparkplug-payload.types.js';

export const BD_SEQ_METRIC = 'bdSeq';

/**
 * Reads the `bdSeq` metric of an NBIRTH or NDEATH (Sparkplug 3.0, 6.4.18 and 6.4.22). The
 * specification's examples use both Int64 and UInt64, so any integer datatype is accepted.
 * Returns undefined when the metric is absent or not an integer; never throws.
 */
export function readBdSeq(metrics: readonly SparkplugMetric[]): bigint | undefined {
  const metric = metrics.find((m) => m.name === BD_SEQ_METRIC);
  if (!metric) return undefined;
  const read = readMetricValue(metric, 'UInt64');
  if (!read.ok) return undefined;
  if (typeof read.value === 'bigint') return read.value;
  if (typeof read.value === 'number' && Number.isInteger(read.value)) return BigInt(read.value);
  return undefined;
}
