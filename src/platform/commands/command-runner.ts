import { createHash } from 'node:crypto';
import type { Actor } from '../auth/roles.js';
import { Refusal, type Violation } from '../errors/violation.js';
import { violation } from '../errors/violation.js';
import type { EventBus } from '../events/event-bus.js';
import { canonicalJson } from '../journal/canonical-json.js';
import { appendEvents, type JournalDraft, type JournalEvent } from '../journal/journal.repository.js';
import { isUniqueViolation, type Store } from '../store/database.js';
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

class DryRunRollback extends Error {}

/** Runs commands: one command = one transaction, journaled, published after commit, never half-applied. */
export class CommandRunner {
  constructor(
    private readonly store: Store,
    private readonly bus: EventBus,
    private readonly metrics?: CommandMetrics,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Throws a Refusal (every violation) when the command is refused; nothing is written then. */
  async run<I, O>(cmd: Command<I, O>, input: I, options: RunOptions): Promise<RunResult<O>> {
    const started = performance.now();
    try {
      const result = await this.attempt(cmd, input, options);
      this.metrics?.observe(cmd.name, performance.now() - started, result.kind === 'dry-run' && !result.allowed ? result.violations : []);
      return result;
    } catch (error) {
      if (error instanceof Refusal) this.metrics?.observe(cmd.name, performance.now() - started, error.violations);
      throw error;
    }
  }

  private async attempt<I, O>(cmd: Command<I, O>, input: I, options: RunOptions, retry = true): Promise<RunResult<O>> {
    const requestHash = createHash('sha256').update(canonicalJson({ cmd: cmd.name, input })).digest('hex');
    const now = this.clock();
    try {
      const outcome = await this.store.db.transaction().execute(async (tx) => {
        if (options.idempotencyKey && !options.dryRun) {
          const previous = await tx
            .selectFrom('idempotency')
            .selectAll()
            .where('actor', '=', options.actor.username)
            .where('key', '=', options.idempotencyKey)
            .executeTakeFirst();
          if (previous) {
            if (previous.request_hash !== requestHash) {
              throw new Refusal([violation('IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used with a different request', { field: 'Idempotency-Key' })]);
            }
            return { kind: 'replayed', status: previous.status, response: JSON.parse(previous.response) as unknown } as const;
          }
        }
        const drafts: JournalDraft[] = [];
        const ctx: CommandContext = { tx, actor: options.actor, now, dialect: this.store.dialect, record: (d) => void drafts.push(d) };
        const result = await cmd.run(ctx, input);
        if (options.dryRun) throw new DryRunRollback();
        const events = await appendEvents(tx, drafts, options.actor.username, now);
        if (options.idempotencyKey) {
          await tx
            .insertInto('idempotency')
            .values({ actor: options.actor.username, key: options.idempotencyKey, request_hash: requestHash, status: options.successStatus ?? 200, response: JSON.stringify(result ?? null), created_at: now })
            .execute();
        }
        return { kind: 'applied', result, events } as const;
      });
      if (outcome.kind === 'applied') this.bus.publish(outcome.events);
      return outcome;
    } catch (error) {
      if (error instanceof DryRunRollback) return { kind: 'dry-run', allowed: true, violations: [] };
      if (options.dryRun && error instanceof Refusal && error.status === 409) {
        return { kind: 'dry-run', allowed: false, violations: error.violations };
      }
      // Two requests with the same key raced: the loser answers with the winner's result.
      if (retry && options.idempotencyKey && isUniqueViolation(error)) return this.attempt(cmd, input, options, false);
      throw error;
    }
  }
}
