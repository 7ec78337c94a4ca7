import { describe, expect, it } from 'vitest';
import { resolveOutboxOptions, retryDelay } from './outbox.options.js';

describe('retryDelay', () => {
  const o = { baseDelayMs: 1000, maxDelayMs: 60_000 };

  it('doubles the wait with each failed attempt', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelay(n, o, () => 0))).toEqual([1000, 2000, 4000, 8000, 16000]);
  });

  it('never waits longer than the cap, plus at most a tenth to spread retries', () => {
    expect(retryDelay(30, o, () => 0)).toBe(60_000);
    expect(retryDelay(30, o, () => 0.999)).toBeLessThanOrEqual(66_000);
    expect(retryDelay(1, o, () => 0.5)).toBe(1050);
  });
});

describe('resolveOutboxOptions', () => {
  it('keeps a lease at least twice as long as an attempt may take', () => {
    expect(resolveOutboxOptions({ timeoutMs: 40_000, leaseMs: 1000 }).leaseMs).toBe(80_000);
    expect(resolveOutboxOptions().leaseMs).toBe(60_000);
  });
});
