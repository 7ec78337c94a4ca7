/** Where the outbox delivers and how hard it tries. Every field has a default; the environment fills some. */
export interface OutboxOptions {
  /** How often the dispatcher looks for work besides being woken by events (ms; default 1000). */
  readonly pollMs?: number;
  /** Attempts before a message goes to the dead letters (default 10). */
  readonly maxAttempts?: number;
  /** The wait after the first failed attempt; it doubles with each further one (ms; default 1000). */
  readonly baseDelayMs?: number;
  /** The longest wait between attempts (ms; default one hour). */
  readonly maxDelayMs?: number;
  /** How long a claimed delivery is reserved to its dispatcher (ms; default 60 s; longer than the timeout). */
  readonly leaseMs?: number;
  /** How long one attempt may take (ms; default 10 s). */
  readonly timeoutMs?: number;
  /** Deliveries claimed per round (default 50) and sent at the same time (default 8). */
  readonly batchSize?: number;
  readonly concurrency?: number;
  /** Journal events read per subscription and page (default 500). */
  readonly pageSize?: number;
  readonly clock?: () => number;
}

/** The options resolved, every default applied. */
export type ResolvedOutboxOptions = Required<Omit<OutboxOptions, 'clock'>> & { readonly clock: () => number };

export function resolveOutboxOptions(o: OutboxOptions = {}): ResolvedOutboxOptions {
  const timeoutMs = o.timeoutMs ?? 10_000;
  return {
    pollMs: o.pollMs ?? 1000,
    maxAttempts: o.maxAttempts ?? 10,
    baseDelayMs: o.baseDelayMs ?? 1000,
    maxDelayMs: o.maxDelayMs ?? 3_600_000,
    timeoutMs,
    // A lease shorter than an attempt would let a second node send the same message while the first still waits.
    leaseMs: Math.max(o.leaseMs ?? 60_000, timeoutMs * 2),
    batchSize: o.batchSize ?? 50,
    concurrency: o.concurrency ?? 8,
    pageSize: o.pageSize ?? 500,
    clock: o.clock ?? Date.now,
  };
}

/** The wait before attempt `attempts + 1`: base × 2^(attempts − 1), capped, with up to 10 % added so retries of many messages spread out. */
export function retryDelay(attempts: number, o: Pick<ResolvedOutboxOptions, 'baseDelayMs' | 'maxDelayMs'>, random: () => number = Math.random): number {
  const exponential = o.baseDelayMs * 2 ** Math.max(0, attempts - 1);
  const capped = Math.min(exponential, o.maxDelayMs);
  return Math.round(capped * (1 + 0.1 * random()));
}
