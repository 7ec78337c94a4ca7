import { createHash } from 'node:crypto';
import { CompiledQuery, sql, type Transaction } from 'kysely';
import type { Actor } from '../auth/roles.js';
import { Refusal, violation, type Violation } from '../errors/violation.js';
import type { EventBus } from '../events/event-bus.js';
import { canonicalJson } from '../journal/canonical-json.js';
import { appendEventGroups, type JournalDraft, type JournalEvent, type JournalGroup } from '../journal/journal.repository.js';
import { isUniqueViolation, type Store } from '../store/database.js';
import type { Database } from '../store/schema.js';
import type { Command, CommandContext, FollowUp } from './command.js';
import type { CommandMetrics } from './command-metrics.js';

export interface RunOptions {
  readonly actor: Actor;
  readonly dryRun?: boolean;
  /** With a key, the same key and body again returns the first answer and changes nothing. */
  readonly idempotencyKey?: string;
  /** The status the caller answers a success with, kept for idempotent replays. */
  readonly successStatus?: number;
  /**
   * The answer the caller sends for a result (its JSON body); kept with the key, so a replay answers exactly what the
   * first request was answered. Without it the result itself is kept.
   */
  readonly present?: (result: unknown) => unknown;
  /** Whether a result is kept with its Idempotency-Key (default: every result); one not kept runs again on a retry. */
  readonly remember?: (result: unknown) => boolean;
}

export type RunResult<O> =
  | { readonly kind: 'applied'; readonly result: O; readonly events: readonly JournalEvent[] }
  | { readonly kind: 'replayed'; readonly status: number; readonly response: unknown }
  /** `result`: what the command would have answered, when it is allowed (nothing of it was written). */
  | { readonly kind: 'dry-run'; readonly allowed: boolean; readonly violations: readonly Violation[]; readonly result?: O };

export interface RunnerOptions {
  /**
   * Group commit: commands that arrive while a transaction commits wait and then run together in one transaction,
   * all answered after the single commit; a refused one rolls back alone (the batch then runs again with a savepoint
   * per command). One fsync serves many commands; each is still all-or-nothing and nothing is answered before it is
   * durable.
   */
  readonly groupCommit?: boolean;
  readonly maxBatch?: number;
  /**
   * Batches that may run at once, each in its own transaction on its own connection (default 1 on SQLite, which has
   * one connection; 2 on PostgreSQL, where a batch's statements are round trips that another batch can overlap; with
   * 4, eight stations made batches of one command, each paying its own BEGIN, journal append and COMMIT: 1.8 ms of
   * CPU per command against 1.4 with 2, in the execution benchmark).
   */
  readonly parallelBatches?: number;
  readonly metrics?: CommandMetrics;
  readonly clock?: () => number;
}

class DryRunRollback extends Error {
  constructor(readonly result: unknown) {
    super('dry run');
  }
}
/** A batch of one whose command failed: its transaction is rolled back whole, as its savepoint would have been. */
class SoloRollback extends Error {}
/** A command failed in a batch run without savepoints: the batch's transaction is rolled back and runs again with them. */
class SavepointsNeeded extends Error {}

/** A command's outcome before its events are journaled: the journal append is the last write of its transaction. */
type Executed =
  | { readonly kind: 'applied'; readonly result: unknown; readonly journal: JournalGroup }
  | Exclude<RunResult<unknown>, { kind: 'applied' }>;

type Outcome = { readonly ok: true; readonly value: RunResult<unknown> } | { readonly ok: false; readonly error: unknown };

interface Pending {
  readonly run: (tx: Transaction<Database>) => Promise<Executed>;
  readonly resolve: (r: RunResult<unknown>) => void;
  readonly reject: (e: unknown) => void;
  /** Times it lost a lock cycle to a concurrent transaction and was put back in the queue. */
  retries: number;
}

const NO_EVENTS: JournalGroup = { drafts: [], actor: '', at: 0 };
const DEFAULT_MAX_BATCH = 64;
const MAX_RETRIES = 3;

/**
 * PostgreSQL aborted the statement to break a deadlock or a serialization conflict with a concurrent transaction
 * (another batch, another node): the command wrote nothing and may simply run again in a later batch.
 */
function lostLockCycle(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === '40P01' || code === '40001';
}

/**
 * The input without its password members (`password` of signatures, `oldPassword` and `newPassword` of a password
 * change): the idempotency table keeps a hash of the request, and a fast hash over a password would let it be guessed
 * offline.
 */
function withoutPasswords(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPasswords);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !/password$/i.test(k)).map(([k, v]) => [k, withoutPasswords(v)]));
}

const journalOf = (e: Executed): JournalGroup => (e.kind === 'applied' ? e.journal : NO_EVENTS);
const settled = (e: Executed, events: readonly JournalEvent[] | undefined): RunResult<unknown> =>
  e.kind === 'applied' ? { kind: 'applied', result: e.result, events: events ?? [] } : e;

/** Runs commands: one command = one transaction (or savepoint), journaled, published after commit, never half-applied. */
export class CommandRunner {
  private readonly queue: Pending[] = [];
  /** Drain loops alive, and how many of them are in their turn before taking a batch. */
  private drainers = 0;
  private gathering = 0;
  private readonly clock: () => number;
  private readonly parallelBatches: number;

  constructor(
    private readonly store: Store,
    private readonly bus: EventBus,
    private readonly options: RunnerOptions = {},
  ) {
    this.clock = options.clock ?? Date.now;
    this.parallelBatches = store.dialect === 'sqlite' ? 1 : Math.max(1, options.parallelBatches ?? 2);
  }

  /** Throws a Refusal (every violation) when the command is refused; nothing is written then. */
  async run<I, O>(cmd: Command<I, O>, input: I, options: RunOptions): Promise<RunResult<O>> {
    const started = performance.now();
    const followUps: FollowUp[] = [];
    try {
      const result = (await this.submit((tx) => this.execute(tx, cmd, input, options, followUps))) as RunResult<O>;
      this.options.metrics?.observe(cmd.name, performance.now() - started, result.kind === 'dry-run' && !result.allowed ? result.violations : []);
      if (result.kind === 'dry-run' && !result.allowed) await this.runFollowUps(followUps, options.actor);
      return result;
    } catch (error) {
      if (error instanceof Refusal) {
        this.options.metrics?.observe(cmd.name, performance.now() - started, error.violations);
        await this.runFollowUps(followUps, options.actor);
      }
      throw error;
    }
  }

  /** What a refused command asked to run after its rollback, each in its own transaction, in order. */
  private async runFollowUps(followUps: readonly FollowUp[], actor: Actor): Promise<void> {
    for (const f of followUps) await this.run(f.cmd, f.input, { actor });
  }

  private submit(run: Pending['run']): Promise<RunResult<unknown>> {
    if (!this.options.groupCommit) {
      return this.store.db
        .transaction()
        .execute(async (tx) => {
          const executed = await run(tx);
          const [events] = await appendEventGroups(tx, [journalOf(executed)], this.store.dialect);
          return settled(executed, events);
        })
        .then(async (r) => {
          await this.store.durable();
          return this.published(r);
        });
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ run, resolve, reject, retries: 0 });
      this.kick();
    });
  }

  private published(r: RunResult<unknown>): RunResult<unknown> {
    if (r.kind === 'applied') this.bus.publish(r.events);
    return r;
  }

  /** Starts a drain loop unless one is about to take a batch anyway or the parallel batches are all running. */
  private kick(): void {
    if (this.gathering > 0 || this.drainers >= this.parallelBatches) return;
    this.drainers += 1;
    void this.drain();
  }

  private async drain(): Promise<void> {
    try {
      for (;;) {
        // One turn of the event loop first, so every request whose I/O is ready reaches the queue: on SQLite a whole
        // batch runs in microtasks (the driver is synchronous), and without this turn each command committed alone.
        this.gathering += 1;
        await new Promise<void>((resolve) => setImmediate(resolve));
        // While the store flushes the last commit (SQLite), fewer than a full batch wait for that flush: their answers
        // would wait for the next flush anyway, and one larger batch costs less than several small ones.
        if (this.queue.length < (this.options.maxBatch ?? DEFAULT_MAX_BATCH)) await this.store.durable().catch(() => undefined);
        this.gathering -= 1;
        if (this.queue.length === 0) return;
        await this.runBatch();
      }
    } finally {
      this.drainers -= 1;
    }
  }

  /**
   * One transaction for the commands queued, the journal appended last, one commit. The commands run one after the
   * other without savepoints first: on PostgreSQL each savepoint is a round trip of its own, and almost every command
   * succeeds. When one fails, that transaction is rolled back whole and the batch runs again in a new one, each
   * command in its own savepoint, so a refused one rolls back alone and the others are applied (a command may run
   * twice; nothing of a rolled-back run remains, and nothing is answered before the commit).
   */
  private async runBatch(): Promise<void> {
    const max = this.options.maxBatch ?? DEFAULT_MAX_BATCH;
    let batch: Pending[] | undefined;
    // Taken once the first transaction holds its connection: whatever queued while it waited joins this batch. With
    // parallel batches the queue is shared out, so their round trips overlap instead of running one after another.
    const take = (): Pending[] => {
      if (batch) return batch;
      batch = this.queue.splice(0, Math.min(max, Math.ceil(this.queue.length / this.parallelBatches)));
      if (this.queue.length > 0) this.kick();
      return batch;
    };
    let outcomes: (Outcome | 'retry')[] = [];
    for (const savepoints of [false, true]) {
      outcomes = [];
      try {
        await this.store.db.transaction().execute((tx) => this.runCommands(tx, take(), savepoints, outcomes));
        break;
      } catch (error) {
        if (error instanceof SavepointsNeeded) continue;
        if (!(error instanceof SoloRollback)) return this.failBatch(batch ?? [], outcomes, error, max);
        break;
      }
    }
    this.settleBatch(batch ?? [], outcomes);
  }

  /**
   * The batch's commands in the transaction, then their journal events; each outcome into `outcomes` as it comes.
   * Without savepoints the first failure ends the run (SavepointsNeeded), as a batch of one's ends its transaction.
   */
  private async runCommands(tx: Transaction<Database>, batch: readonly Pending[], savepoints: boolean, outcomes: (Outcome | 'retry')[]): Promise<void> {
    const executed: (Executed | undefined)[] = [];
    // PostgreSQL releases each savepoint (deeply nested subtransactions slow its snapshots) in the round trip that
    // opens the next; SQLite leaves them nested, which costs nothing there, and COMMIT releases them all.
    const pg = this.store.dialect === 'postgres';
    const solo = batch.length === 1;
    let closing: string[] = [];
    for (const [i, p] of batch.entries()) {
      if (savepoints) await this.savepoints(tx, [...closing, `savepoint cmd_${i}`]);
      try {
        executed.push(await p.run(tx));
        closing = pg ? [`release savepoint cmd_${i}`] : [];
      } catch (error) {
        executed.push(undefined);
        outcomes[i] = lostLockCycle(error) && p.retries < MAX_RETRIES ? 'retry' : { ok: false, error };
        // A batch of one is its command's own transaction: rolled back whole, as its savepoint would have been.
        if (solo) throw new SoloRollback();
        if (!savepoints) throw new SavepointsNeeded();
        // An error leaves a PostgreSQL transaction unusable until this rollback: it cannot wait for the next one.
        await this.savepoints(tx, [`rollback to savepoint cmd_${i}`, ...(pg ? [`release savepoint cmd_${i}`] : [])]);
        closing = [];
      }
    }
    // The last savepoint stays open: the journal append joins it and COMMIT releases it.
    const events = await appendEventGroups(tx, executed.map((e) => (e ? journalOf(e) : NO_EVENTS)), this.store.dialect);
    executed.forEach((e, i) => {
      if (e) outcomes[i] = { ok: true, value: settled(e, events[i]) };
    });
  }

  /**
   * Nothing of the batch is durable: every command in it fails, none is answered as done. A refused one keeps its
   * refusal (true either way); a transaction that never began fails the commands it would have taken.
   */
  private failBatch(batch: readonly Pending[], outcomes: readonly (Outcome | 'retry')[], commitError: unknown, max: number): void {
    (batch.length === 0 ? this.queue.splice(0, max) : batch).forEach((p, i) => {
      const o = outcomes[i];
      p.reject(o !== undefined && o !== 'retry' && !o.ok ? o.error : commitError);
    });
  }

  private settleBatch(batch: readonly Pending[], outcomes: readonly (Outcome | 'retry')[]): void {
    const retry: Pending[] = [];
    const settle: ((flushError?: unknown) => void)[] = [];
    batch.forEach((p, i) => {
      const o = outcomes[i];
      if (o === 'retry') retry.push({ ...p, retries: p.retries + 1 });
      else if (o?.ok) settle.push((flushError) => (flushError === undefined ? p.resolve(this.published(o.value)) : p.reject(flushError)));
      else settle.push(() => p.reject(o?.error));
    });
    // Rolled back to their savepoints, they run again first in the next batch, once this one's locks are gone.
    if (retry.length > 0) this.queue.unshift(...retry);
    // Answered once the commit is on disk; meanwhile the next batch runs (on SQLite the log is flushed off the
    // event loop, so its work overlaps this flush). A failed flush fails the applied commands: durability unknown.
    void this.store.durable().then(
      () => settle.forEach((s) => s()),
      (flushError: unknown) => settle.forEach((s) => s(flushError ?? new Error('the store could not flush'))),
    );
  }

  /** Runs savepoint statements: in one round trip on PostgreSQL (the simple protocol takes several), one by one on SQLite. */
  private async savepoints(tx: Transaction<Database>, statements: readonly string[]): Promise<void> {
    if (this.store.dialect === 'postgres') await tx.executeQuery(CompiledQuery.raw(statements.join('; ')));
    else for (const s of statements) await tx.executeQuery(CompiledQuery.raw(s));
  }

  private async execute<I, O>(tx: Transaction<Database>, cmd: Command<I, O>, input: I, options: RunOptions, followUps: FollowUp[]): Promise<Executed> {
    // A command that lost a lock cycle runs again from the start: what its first run asked for is void.
    followUps.length = 0;
    const now = this.clock();
    const key = options.dryRun ? undefined : options.idempotencyKey;
    const requestHash = key ? createHash('sha256').update(canonicalJson({ cmd: cmd.name, input: withoutPasswords(input) })).digest('hex') : '';
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
    const ctx: CommandContext = {
      tx, actor: options.actor, now, dialect: this.store.dialect, record: (d) => void drafts.push(d),
      afterRefusal: (c, i) => void followUps.push({ cmd: c as Command<unknown, unknown>, input: i }),
    };
    if (options.dryRun) return this.dryRun(tx, cmd, input, ctx);
    const result = await cmd.run(ctx, input);
    if (key && (options.remember?.(result) ?? true)) {
      try {
        await tx
          .insertInto('idempotency')
          .values({ actor: options.actor.username, key, request_hash: requestHash, status: options.successStatus ?? 200, response: JSON.stringify((options.present ? options.present(result) : result) ?? null), created_at: now })
          .execute();
      } catch (error) {
        // Two requests with the same key raced: the loser answers with the winner's result (next attempt finds it).
        if (isUniqueViolation(error)) throw new Refusal([violation('IDEMPOTENCY_KEY_REUSED', 'a request with this Idempotency-Key is in flight; retry', { field: 'Idempotency-Key' })]);
        throw error;
      }
    }
    return { kind: 'applied', result, journal: { drafts, actor: options.actor.username, at: now } };
  }

  /** Runs every check and the apply inside a savepoint that is always rolled back; refusals become the answer. */
  private async dryRun<I, O>(tx: Transaction<Database>, cmd: Command<I, O>, input: I, ctx: CommandContext): Promise<Extract<RunResult<O>, { kind: 'dry-run' }>> {
    await sql`savepoint dry_run`.execute(tx);
    try {
      throw new DryRunRollback(await cmd.run(ctx, input));
    } catch (error) {
      await sql`rollback to savepoint dry_run`.execute(tx);
      await sql`release savepoint dry_run`.execute(tx);
      if (error instanceof DryRunRollback) return { kind: 'dry-run', allowed: true, violations: [], result: error.result as O };
      if (error instanceof Refusal && error.status === 409) return { kind: 'dry-run', allowed: false, violations: error.violations };
      throw error;
    }
  }
}
