import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Actor } from '../auth/roles.js';
import { Refusal, violation, type Violation } from '../errors/violation.js';
import type { EventBus } from '../events/event-bus.js';
import { canonicalJson } from '../journal/canonical-json.js';
import { appendEventGroups, type JournalDraft, type JournalEvent, type JournalGroup } from '../journal/journal.repository.js';
import { isUniqueViolation, type Store } from '../store/database.js';
import type { Database } from '../store/schema.js';
import type { Command, CommandContext } from './command.js';
import type { CommandMetrics } from './command-metrics.js';

export interface RunOptions {
  readonly actor: Actor;
  readonly dryRun?: boolean;
  /** With a key, the same key and body again returns the first answer and changes nothing. */
  readonly idempotencyKey?: string;
  /** The status the caller answers a success with, kept for idempotent replays. */
  readonly successStatus?: number;
}

export type RunResult<O> =
  | { readonly kind: 'applied'; readonly result: O; readonly events: readonly JournalEvent[] }
  | { readonly kind: 'replayed'; readonly status: number; readonly response: unknown }
  | { readonly kind: 'dry-run'; readonly allowed: boolean; readonly violations: readonly Violation[] };

export interface RunnerOptions {
  /**
   * Group commit: commands that arrive while a transaction commits wait and then run together in one transaction,
   * each in its own savepoint (a refused one rolls back alone), all answered after the single commit. One fsync
   * serves many commands; each is still all-or-nothing and nothing is answered before it is durable.
   */
  readonly groupCommit?: boolean;
  readonly maxBatch?: number;
  readonly metrics?: CommandMetrics;
  readonly clock?: () => number;
}

class DryRunRollback extends Error {}

/** A command's outcome before its events are journaled: the journal append is the last write of its transaction. */
type Executed =
  | { readonly kind: 'applied'; readonly result: unknown; readonly journal: JournalGroup }
  | Exclude<RunResult<unknown>, { kind: 'applied' }>;

type Outcome = { readonly ok: true; readonly value: RunResult<unknown> } | { readonly ok: false; readonly error: unknown };

interface Pending {
  readonly run: (tx: Transaction<Database>) => Promise<Executed>;
  readonly resolve: (r: RunResult<unknown>) => void;
  readonly reject: (e: unknown) => void;
}

const NO_EVENTS: JournalGroup = { drafts: [], actor: '', at: 0 };
const DEFAULT_MAX_BATCH = 64;

const journalOf = (e: Executed): JournalGroup => (e.kind === 'applied' ? e.journal : NO_EVENTS);
const settled = (e: Executed, events: readonly JournalEvent[] | undefined): RunResult<unknown> =>
  e.kind === 'applied' ? { kind: 'applied', result: e.result, events: events ?? [] } : e;

/** Runs commands: one command = one transaction (or savepoint), journaled, published after commit, never half-applied. */
export class CommandRunner {
  private readonly queue: Pending[] = [];
  private draining = false;
  private readonly clock: () => number;

  constructor(
    private readonly store: Store,
    private readonly bus: EventBus,
    private readonly options: RunnerOptions = {},
  ) {
    this.clock = options.clock ?? Date.now;
  }

  /** Throws a Refusal (every violation) when the command is refused; nothing is written then. */
  async run<I, O>(cmd: Command<I, O>, input: I, options: RunOptions): Promise<RunResult<O>> {
    const started = performance.now();
    try {
      const result = (await this.submit((tx) => this.execute(tx, cmd, input, options))) as RunResult<O>;
      this.options.metrics?.observe(cmd.name, performance.now() - started, result.kind === 'dry-run' && !result.allowed ? result.violations : []);
      return result;
    } catch (error) {
      if (error instanceof Refusal) this.options.metrics?.observe(cmd.name, performance.now() - started, error.violations);
      throw error;
    }
  }

  private submit(run: Pending['run']): Promise<RunResult<unknown>> {
    if (!this.options.groupCommit) {
      return this.store.db
        .transaction()
        .execute(async (tx) => {
          const executed = await run(tx);
          const [events] = await appendEventGroups(tx, [journalOf(executed)]);
          return settled(executed, events);
        })
        .then((r) => this.published(r));
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ run, resolve, reject });
      void this.drain();
    });
  }

  private published(r: RunResult<unknown>): RunResult<unknown> {
    if (r.kind === 'applied') this.bus.publish(r.events);
    return r;
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      for (;;) {
        // One turn of the event loop first, so every request whose I/O is ready reaches the queue: on SQLite a whole
        // batch runs in microtasks (the driver is synchronous), and without this turn each command committed alone.
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (this.queue.length === 0) break;
        await this.runBatch();
      }
    } finally {
      this.draining = false;
    }
  }

  /** One transaction for the commands queued: each in its own savepoint, the journal appended last, one commit. */
  private async runBatch(): Promise<void> {
    const max = this.options.maxBatch ?? DEFAULT_MAX_BATCH;
    let batch: Pending[] = [];
    let outcomes: Outcome[] = [];
    try {
      await this.store.db.transaction().execute(async (tx) => {
        // Taken once the transaction holds its connection: whatever queued while it waited joins this batch.
        batch = this.queue.splice(0, max);
        const executed: (Executed | undefined)[] = [];
        for (const [i, p] of batch.entries()) {
          try {
            executed.push(await this.inSavepoint(tx, i, p));
          } catch (error) {
            executed.push(undefined);
            outcomes[i] = { ok: false, error };
          }
        }
        const events = await appendEventGroups(tx, executed.map((e) => (e ? journalOf(e) : NO_EVENTS)));
        outcomes = executed.map((e, i) => (e ? { ok: true, value: settled(e, events[i]) } : (outcomes[i] as Outcome)));
      });
    } catch (commitError) {
      // Nothing of the batch is durable: every command in it fails, none is answered as done. A refused one keeps
      // its refusal (true either way); a transaction that never began fails the commands it would have taken.
      if (batch.length === 0) batch = this.queue.splice(0, max);
      batch.forEach((p, i) => p.reject(outcomes[i]?.ok === false ? outcomes[i].error : commitError));
      return;
    }
    batch.forEach((p, i) => {
      const o = outcomes[i];
      if (o?.ok) p.resolve(this.published(o.value));
      else p.reject(o?.error);
    });
  }

  /** Runs one command of a batch in a savepoint: a refusal or an error rolls back that command alone. */
  private async inSavepoint(tx: Transaction<Database>, i: number, p: Pending): Promise<Executed> {
    const name = sql.raw(`cmd_${i}`);
    await sql`savepoint ${name}`.execute(tx);
    try {
      const value = await p.run(tx);
      await sql`release savepoint ${name}`.execute(tx);
      return value;
    } catch (error) {
      await sql`rollback to savepoint ${name}`.execute(tx);
      await sql`release savepoint ${name}`.execute(tx);
      throw error;
    }
  }

  private async execute<I, O>(tx: Transaction<Database>, cmd: Command<I, O>, input: I, options: RunOptions, retry = true): Promise<Executed> {
    const now = this.clock();
    const key = options.dryRun ? undefined : options.idempotencyKey;
    const requestHash = key ? createHash('sha256').update(canonicalJson({ cmd: cmd.name, input })).digest('hex') : '';
    if (key) {
      const previous = await tx.selectFrom('idempotency').selectAll().where('actor', '=', options.actor.username).where('key', '=', key).executeTakeFirst();
      if (previous) {
        if (previous.request_hash !== requestHash) {
          throw new Refusal([violation('IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used with a different request', { field: 'Idempotency-Key' })]);
        }
        return { kind: 'replayed', status: previous.status, response: JSON.parse(previous.response) as unknown };
      }
    }
    const drafts: JournalDraft[] = [];
    const ctx: CommandContext = { tx, actor: options.actor, now, dialect: this.store.dialect, record: (d) => void drafts.push(d) };
    if (options.dryRun) return this.dryRun(tx, cmd, input, ctx);
    const result = await cmd.run(ctx, input);
    if (key) {
      try {
        await tx
          .insertInto('idempotency')
          .values({ actor: options.actor.username, key, request_hash: requestHash, status: options.successStatus ?? 200, response: JSON.stringify(result ?? null), created_at: now })
          .execute();
      } catch (error) {
        // Two requests with the same key raced: the loser answers with the winner's result (next attempt finds it).
        if (retry && isUniqueViolation(error)) throw new Refusal([violation('IDEMPOTENCY_KEY_REUSED', 'a request with this Idempotency-Key is in flight; retry', { field: 'Idempotency-Key' })]);
        throw error;
      }
    }
    return { kind: 'applied', result, journal: { drafts, actor: options.actor.username, at: now } };
  }

  /** Runs every check and the apply inside a savepoint that is always rolled back; refusals become the answer. */
  private async dryRun<I, O>(tx: Transaction<Database>, cmd: Command<I, O>, input: I, ctx: CommandContext): Promise<Extract<RunResult<O>, { kind: 'dry-run' }>> {
    await sql`savepoint dry_run`.execute(tx);
    try {
      await cmd.run(ctx, input);
      throw new DryRunRollback();
    } catch (error) {
      await sql`rollback to savepoint dry_run`.execute(tx);
      await sql`release savepoint dry_run`.execute(tx);
      if (error instanceof DryRunRollback) return { kind: 'dry-run', allowed: true, violations: [] };
      if (error instanceof Refusal && error.status === 409) return { kind: 'dry-run', allowed: false, violations: error.violations };
      throw error;
    }
  }
}
