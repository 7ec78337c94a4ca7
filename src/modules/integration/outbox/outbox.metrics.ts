import type { TaktMetrics } from '../../../platform/observability/index.js';
import type { Store } from '../../../platform/store/database.js';
import { deliveryBacklog } from './delivery.repository.js';
import { DELIVERY_STATUSES } from './subscription.types.js';

/**
 * The outbox on /metrics: `takt_outbox_deliveries{status}` counted at scrape time over every subscription, so
 * `takt_outbox_deliveries{status="pending"}` is the backlog waiting to go out (and `dead` what gave up).
 */
export function registerOutboxMetrics(metrics: TaktMetrics, store: Store): void {
  metrics.gauge('takt_outbox_deliveries', 'Outbox deliveries by status (pending = the backlog not yet delivered)', ['status'], async () => {
    const counts = await deliveryBacklog(store.db);
    return DELIVERY_STATUSES.map((status) => ({ labels: { status }, value: counts[status] ?? 0 }));
  });
}
