import type { Transaction } from 'kysely';
import type { Actor } from '../auth/roles.js';
import type { JournalDraft } from '../journal/journal.repository.js';
import type { Dialect } from '../store/database.js';
import type { Database } from '../store/schema.js';

/** What a command's body sees: its transaction, who acts, the time, and a way to journal what it did. */
export interface CommandContext {
  readonly tx: Transaction<Database>;
  readonly actor: Actor;
  readonly now: number;
  readonly dialect: Dialect;
  /** Journals an event; it is appended (hash-chained) in the same transaction, just before commit. */
  record(draft: JournalDraft): void;
  /**
   * Runs another command in a transaction of its own once this one is refused (or its dry run finds a refusal), as
   * the same actor. For what must outlive the rollback, such as counting and journaling a failed signature.
   */
  afterRefusal<I, O>(cmd: Command<I, O>, input: I): void;
}

/** A command to run after a refusal (see CommandContext.afterRefusal). */
export interface FollowUp {
  readonly cmd: Command<unknown, unknown>;
  readonly input: unknown;
}

/**
 * A command: load what the rules need, run every rule (refuseIfAny), apply, record. The pipeline around it owns
 * the transaction, the journal append, dry-run, idempotency and publishing after commit.
 */
export interface Command<I, O> {
  readonly name: string;
  readonly run: (ctx: CommandContext, input: I) => Promise<O>;
}

export function command<I, O>(name: string, run: (ctx: CommandContext, input: I) => Promise<O>): Command<I, O> {
  return { name, run };
}
