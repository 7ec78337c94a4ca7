import { command } from '../../../platform/commands/command.js';
import { invalidTransition, notFound } from '../../../platform/errors/violation.js';
import { findDelivery, requeueDelivery } from './delivery.repository.js';
import { findSubscription } from './subscription.repository.js';

/**
 * Sends a dead (or already delivered) message again, with the same message id and content and a fresh count of
 * attempts. A message still pending, cancelled, or of a deleted subscription cannot be.
 */
export const redeliver = command('integration.delivery.redeliver', async (ctx, cmd: { id: string; reason?: string | undefined }) => {
  const delivery = await findDelivery(ctx.tx, cmd.id);
  if (!delivery) throw notFound('delivery', cmd.id);
  const subscription = await findSubscription(ctx.tx, delivery.subscriptionId);
  if (!subscription || subscription.deletedAt !== null) throw invalidTransition('delivery', delivery.id, `${delivery.status} (subscription deleted)`, 'pending');
  if ((delivery.status !== 'dead' && delivery.status !== 'delivered') || !(await requeueDelivery(ctx.tx, delivery.id, delivery.status, ctx.now))) {
    throw invalidTransition('delivery', delivery.id, delivery.status, 'pending');
  }
  ctx.record({
    action: 'delivery.redelivered', entity: 'delivery', entityId: delivery.id,
    data: { subscriptionId: delivery.subscriptionId, eventType: delivery.eventType, changes: { status: { before: delivery.status, after: 'pending' }, attempts: { before: delivery.attempts, after: 0 } } },
    reason: cmd.reason ?? null,
  });
  return { ...delivery, status: 'pending' as const, attempts: 0, nextAttemptAt: ctx.now, lastError: null, leaseOwner: null, leaseUntil: null };
});
