/** Where a subscription's messages go. */
export const SUBSCRIPTION_KINDS = ['webhook', 'folder', 'mqtt'] as const;
export type SubscriptionKind = (typeof SUBSCRIPTION_KINDS)[number];

/** What a message is: the journal event as JSON, or the B2MML performance message of a completed order. */
export const DELIVERY_FORMATS = ['json', 'b2mml-v0600', 'b2mml-v0701'] as const;
export type DeliveryFormat = (typeof DELIVERY_FORMATS)[number];

/** The event the B2MML formats answer: the performance of an order is reported once it completes. */
export const PERFORMANCE_EVENT = 'work-order.completed';

export const DELIVERY_STATUSES = ['pending', 'delivered', 'dead', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface Subscription {
  readonly id: string;
  readonly kind: SubscriptionKind;
  /** A URL (webhook), a folder (folder), a topic or mqtt:// URL with the topic as its path (mqtt). */
  readonly target: string;
  /** Exact event types, or `*` for every one. */
  readonly events: readonly string[];
  readonly format: DeliveryFormat;
  /** The HMAC key of webhook signatures; never shown after creation. */
  readonly secret: string | null;
  /** The journal seq up to which events were turned into deliveries. */
  readonly lastSeq: number;
  readonly createdAt: number;
  readonly createdBy: string;
  readonly deletedAt: number | null;
}

/** One message owed to one subscriber: its id is the message id every attempt carries. */
export interface Delivery {
  readonly id: string;
  readonly subscriptionId: string;
  readonly seq: number;
  readonly eventType: string;
  readonly entityId: string;
  readonly contentType: string;
  readonly payload: string;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly nextAttemptAt: number;
  readonly leaseOwner: string | null;
  readonly leaseUntil: number | null;
  readonly lastError: string | null;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly deliveredAt: number | null;
}

/** The message id of the delivery of journal event `seq` to a subscription: the same on every node and after restarts. */
export function messageIdOf(subscriptionId: string, seq: number): string {
  return `${subscriptionId}-${seq}`;
}

/** True when the subscription asks for this event type. */
export function wants(subscription: Pick<Subscription, 'events' | 'format'>, eventType: string): boolean {
  if (subscription.format !== 'json' && eventType !== PERFORMANCE_EVENT) return false;
  return subscription.events.includes('*') || subscription.events.includes(eventType);
}
