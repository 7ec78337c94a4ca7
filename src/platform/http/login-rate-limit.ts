import type { FastifyInstance } from 'fastify';
import { violation } from '../errors/violation.js';
import { problem, sendProblem } from './problem.js';

/** At most `max` failed logins within `windowSec` seconds. */
export interface RateWindow {
  readonly max: number;
  readonly windowSec: number;
}

/** Failed-login limits per account (username) and per client address; either exceeded answers 429. */
export interface LoginRateLimit {
  readonly perAccount: RateWindow;
  readonly perAddress: RateWindow;
}

/**
 * Per account above the lockout's 10 failures in a row, so that the lockout is what a run of failed logins meets
 * (the 10th is checked and locks the account; the next ones answer ACCOUNT_LOCKED); it still slows guessing at a
 * locked or unlocked account. Per address it slows guessing across many accounts.
 */
export const DEFAULT_LOGIN_RATE_LIMIT: LoginRateLimit = { perAccount: { max: 20, windowSec: 60 }, perAddress: { max: 30, windowSec: 60 } };

/** The times of recent failures per key, forgotten once out of the window. */
export class FailureWindow {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly limit: RateWindow) {}

  record(key: string, now: number): void {
    const recent = this.recent(key, now);
    recent.push(now);
    this.hits.set(key, recent);
    // Bounded memory under a spray of distinct keys: forget the keys with nothing recent now and then.
    if (this.hits.size > 10_000) for (const k of [...this.hits.keys()]) if (this.recent(k, now).length === 0) this.hits.delete(k);
  }

  /** Seconds until one more attempt is allowed; 0 when it is allowed now. */
  retryAfter(key: string, now: number): number {
    const recent = this.recent(key, now);
    if (recent.length < this.limit.max) return 0;
    const oldest = recent[recent.length - this.limit.max]!;
    return Math.max(1, Math.ceil((oldest + this.limit.windowSec * 1000 - now) / 1000));
  }

  private recent(key: string, now: number): number[] {
    const from = now - this.limit.windowSec * 1000;
    return (this.hits.get(key) ?? []).filter((t) => t > from);
  }
}

/**
 * Slows down password guessing on `POST <loginUrl>`: once an account, or a client address, has had too many failed
 * logins (answers 401) within the window, further attempts are answered 429 with Retry-After before the password is
 * checked (so they neither succeed nor count towards the account's lockout). In memory, per process.
 */
export function registerLoginRateLimit(app: FastifyInstance, limit: LoginRateLimit, loginUrl: string, clock: () => number = Date.now): void {
  const accounts = new FailureWindow(limit.perAccount);
  const addresses = new FailureWindow(limit.perAddress);
  const isLogin = (method: string, url: string | undefined) => method === 'POST' && url === loginUrl;
  const usernameOf = (body: unknown): string => {
    const name = typeof body === 'object' && body !== null ? (body as { username?: unknown }).username : undefined;
    return typeof name === 'string' ? name.toLowerCase() : '';
  };
  app.addHook('preHandler', async (req, reply) => {
    if (!isLogin(req.method, req.routeOptions.url)) return;
    const now = clock();
    const wait = Math.max(accounts.retryAfter(usernameOf(req.body), now), addresses.retryAfter(req.ip, now));
    if (wait === 0) return;
    reply.header('retry-after', String(wait));
    const text = `too many failed logins; try again in ${wait} s`;
    return sendProblem(reply, problem(429, text, [violation('TOO_MANY_REQUESTS', text, { details: { retryAfter: wait } })]));
  });
  app.addHook('onResponse', async (req, reply) => {
    if (!isLogin(req.method, req.routeOptions.url) || reply.statusCode !== 401) return;
    const now = clock();
    accounts.record(usernameOf(req.body), now);
    addresses.record(req.ip, now);
  });
}
