import { randomBytes } from 'node:crypto';
import type { EventBus } from '../../../platform/events/event-bus.js';
import type { Store } from '../../../platform/store/database.js';
import { materializePage } from './delivery.materializer.js';
import { claimDelivery, dueDeliveries, nextDueAt, recordAttempt, releaseLease, type AttemptOutcome, type DueDelivery } from './delivery.repository.js';
import { retryDelay, type ResolvedOutboxOptions } from './outbox.options.js';
import { activeSubscriptions } from './subscription.repository.js';
import type { SubscriptionKind } from './subscription.types.js';
import type { Transport } from './transport.types.js';

/** Where the dispatcher reports what goes wrong around it (a store that does not answer); never a message's own failure. */
export interface OutboxLogger {
  warn(details: Record<string, unknown>, text: string): void;
}

export interface RoundResult {
  readonly materialized: number;
  readonly attempted: number;
  readonly delivered: number;
}

/** The reason of a failed attempt, with the system's own code when there is one (fetch hides it in `cause`). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  const detail = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : null;
  return detail === null ? error.message : `${error.message}: ${detail}`;
}

const MIN_SLEEP_MS = 5;

/** Due deliveries grouped by subscription, each group by journal sequence; groups in the order their first came due. */
export function inJournalOrderBySubscription(due: readonly DueDelivery[]): DueDelivery[][] {
  const groups = new Map<string, DueDelivery[]>();
  for (const d of due) {
    const group = groups.get(d.subscriptionId);
    if (group) group.push(d);
    else groups.set(d.subscriptionId, [d]);
  }
  return [...groups.values()].map((g) => g.sort((a, b) => a.seq - b.seq));
}

// Pages of journal events per subscription and round: a long backlog does not hold up deliveries.
const PAGES_PER_ROUND = 8;

/**
 * Delivers the outbox after commit. Each round: journal events past each subscription's position become pending
 * deliveries (materializePage), then due deliveries are claimed one by one with a guarded UPDATE (a lease with an
 * expiry, no row lock) and sent; the outcome is recorded by the lease holder only. It runs when an event is
 * published on this node and at least every `pollMs` (events committed by another node reach it that way). State
 * lives in the store only: a restart, or another node, carries on where this one stopped.
 */
export class OutboxDispatcher {
  readonly owner = `node-${randomBytes(6).toString('hex')}`;
  private running: Promise<void> | null = null;
  private stopped = true;
  private wakeUp: (() => void) | null = null;
  private woken = false;
  private unsubscribe: (() => void) | null = null;
  private abort = new AbortController();
  /**
   * The last round found no subscription: then a committed event has nowhere to go, and the dispatcher does not
   * read the store after every commit for it. Only a subscription or delivery event of this node wakes it; one made
   * by another node is found at the next poll, as every event of another node is.
   */
  private noSubscriptions = false;

  constructor(
    private readonly store: Store,
    private readonly bus: EventBus,
    private readonly transports: Readonly<Record<SubscriptionKind, Transport>>,
    private readonly options: ResolvedOutboxOptions,
    private readonly logger: OutboxLogger = { warn: () => undefined },
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.abort = new AbortController();
    this.unsubscribe = this.bus.subscribe((e) => {
      if (!this.noSubscriptions || e.entity === 'subscription' || e.entity === 'delivery') this.wake();
    });
    this.running = this.loop();
  }

  /** Runs a round soon: after an event, a new subscription, a redelivery. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /** Stops: attempts in flight are aborted and their leases given back (not counted), transports closed. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.unsubscribe?.();
    this.abort.abort();
    this.wake();
    await this.running;
    await Promise.all(Object.values(this.transports).map((t) => t.close().catch(() => undefined)));
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      this.woken = false;
      let busy = false;
      try {
        const round = await this.runOnce();
        busy = round.materialized > 0 || round.delivered > 0;
      } catch (error) {
        if (this.stopped) break;
        this.logger.warn({ err: error }, 'outbox round failed; retrying at the next poll');
      }
      if (this.stopped) break;
      if (busy || this.woken) continue;
      const delay = await this.idleDelay();
      // A wake-up or stop() that came while the delay was read found no sleep to cut short: it is not lost.
      if (this.stopped || this.woken) continue;
      await this.sleep(delay);
    }
  }

  private async idleDelay(): Promise<number> {
    if (this.noSubscriptions) return this.options.pollMs;
    try {
      const now = this.options.clock();
      const due = await nextDueAt(this.store.db, now);
      // A few milliseconds at least: a delivery due this instant but claimed by another node must not spin this loop.
      return due === null ? this.options.pollMs : Math.max(MIN_SLEEP_MS, Math.min(this.options.pollMs, due - now));
    } catch {
      return this.options.pollMs;
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }

  /** One round: materialize every subscription's new events, then claim and send what is due. */
  async runOnce(): Promise<RoundResult> {
    let materialized = 0;
    const subscriptions = await activeSubscriptions(this.store.db);
    this.noSubscriptions = subscriptions.length === 0;
    // Deliveries are sent only for subscriptions not deleted (dueDeliveries joins them): none, nothing to send.
    if (this.noSubscriptions) return { materialized, attempted: 0, delivered: 0 };
    for (let subscription of subscriptions) {
      for (let page = 0; page < PAGES_PER_ROUND && !this.stopped; page += 1) {
        const r = await materializePage(this.store, subscription, { pageSize: this.options.pageSize, now: this.options.clock() });
        materialized += Math.max(0, r.added);
        subscription = r.subscription;
        if (!r.more) break;
      }
    }
    if (this.stopped) return { materialized, attempted: 0, delivered: 0 };
    // The journal rows just read may be committed but not yet on disk (SQLite flushes its log after the commit):
    // nothing goes to another system before they are, as nothing is answered before.
    await this.store.durable();
    const due = await dueDeliveries(this.store.db, this.options.clock(), this.options.batchSize);
    let attempted = 0;
    let delivered = 0;
    // One subscription's messages go one after another in journal order (a receiver sees them as they happened,
    // unless one waits for a retry); different subscriptions' are sent at the same time.
    const queue = inJournalOrderBySubscription(due);
    const worker = async () => {
      for (let group = queue.shift(); group !== undefined && !this.stopped; group = queue.shift()) {
        for (const d of group) {
          if (this.stopped) break;
          const outcome = await this.attempt(d);
          if (outcome !== null) attempted += 1;
          if (outcome?.status === 'delivered') delivered += 1;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency, queue.length) }, worker));
    return { materialized, attempted, delivered };
  }

  /** One attempt of one delivery if this node can claim it; null when another node holds it or the dispatcher stops. */
  private async attempt(d: DueDelivery): Promise<AttemptOutcome | null> {
    const now = this.options.clock();
    if (!(await claimDelivery(this.store.db, d.id, this.owner, now, now + this.options.leaseMs))) return null;
    let error: unknown = null;
    try {
      await this.transports[d.kind].send({ id: d.id, eventType: d.eventType, contentType: d.contentType, payload: d.payload, target: d.target, secret: d.secret }, this.abort.signal);
    } catch (e) {
      error = e;
    }
    const at = this.options.clock();
    if (error !== null && this.stopped) {
      await releaseLease(this.store.db, d.id, this.owner, at);
      return null;
    }
    const attempts = d.attempts + 1;
    const reason = describe(error);
    const outcome: AttemptOutcome =
      error === null
        ? { status: 'delivered', at }
        : attempts >= this.options.maxAttempts
          ? { status: 'dead', at, error: reason }
          : { status: 'pending', at, error: reason, nextAttemptAt: at + retryDelay(attempts, this.options) };
    await recordAttempt(this.store.db, d.id, this.owner, outcome);
    return outcome;
  }
}
