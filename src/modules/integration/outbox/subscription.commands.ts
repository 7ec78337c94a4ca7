import { randomBytes } from 'node:crypto';
import { command } from '../../../platform/commands/command.js';
import { notFound } from '../../../platform/errors/violation.js';
import { cancelPendingDeliveries } from './delivery.repository.js';
import { redactTarget } from './subscription-target.guard.js';
import { findSubscription, insertSubscription, journalHeadSeq, markSubscriptionDeleted } from './subscription.repository.js';
import type { DeliveryFormat, Subscription, SubscriptionKind } from './subscription.types.js';

export interface CreateSubscription {
  readonly kind: SubscriptionKind;
  /** Already checked and normalised for its kind (checkTarget). */
  readonly target: string;
  readonly events: readonly string[];
  readonly format: DeliveryFormat;
  readonly secret?: string | undefined;
}

/**
 * Adds a subscription. It receives the events committed from now on (its position starts at the journal's head).
 * A webhook without a secret gets a generated one; the secret is answered once, here, and never shown again.
 */
export const createSubscription = command('integration.subscription.create', async (ctx, cmd: CreateSubscription) => {
  const subscription: Subscription = {
    id: `sub-${randomBytes(6).toString('hex')}`, kind: cmd.kind, target: cmd.target, events: [...new Set(cmd.events)], format: cmd.format,
    secret: cmd.kind === 'webhook' ? (cmd.secret ?? randomBytes(32).toString('hex')) : null,
    lastSeq: await journalHeadSeq(ctx.tx), createdAt: ctx.now, createdBy: ctx.actor.username, deletedAt: null,
  };
  await insertSubscription(ctx.tx, subscription);
  ctx.record({
    action: 'subscription.created', entity: 'subscription', entityId: subscription.id,
    data: { kind: subscription.kind, target: redactTarget(subscription.target), events: subscription.events, format: subscription.format, signed: subscription.secret !== null },
  });
  return subscription;
});

/** Ends a subscription: nothing more is delivered to it, and what it was still owed is cancelled (kept, not sent). */
export const deleteSubscription = command('integration.subscription.delete', async (ctx, cmd: { id: string }) => {
  const subscription = await findSubscription(ctx.tx, cmd.id);
  if (!subscription || subscription.deletedAt !== null || !(await markSubscriptionDeleted(ctx.tx, cmd.id, ctx.now))) throw notFound('subscription', cmd.id);
  const cancelled = await cancelPendingDeliveries(ctx.tx, cmd.id, ctx.now);
  ctx.record({ action: 'subscription.deleted', entity: 'subscription', entityId: cmd.id, data: { cancelledDeliveries: cancelled } });
  return { ...subscription, deletedAt: ctx.now, cancelledDeliveries: cancelled };
});
