import { createHash } from 'node:crypto';
import type { Actor } from '../../../platform/auth/roles.js';
import type { CommandRunner } from '../../../platform/commands/command-runner.js';
import { Refusal, type Violation } from '../../../platform/errors/violation.js';
import { isUniqueViolation } from '../../../platform/store/database.js';
import { parseInbound, type B2mmlSchemas } from '../b2mml/index.js';
import type { AwaitingSignature } from './awaiting-signature.js';
import { importB2mmlMessage } from './b2mml-import.command.js';
import { importRefusal } from './import-problem.js';

export interface InboundOptions {
  readonly actor: Actor;
  /** The MESA schemas to validate against; null skips XSD validation (the other checks still run). */
  readonly schemas: B2mmlSchemas | null;
  readonly dryRun?: boolean;
  readonly maxBytes?: number;
  /** The request's Idempotency-Key: the same key and message again answer the first Acknowledge; another message 422. */
  readonly idempotencyKey?: string | undefined;
}

/** The Acknowledge's own BODID: a UUID drawn from the message text, so the same message is the same request. */
function bodIdOf(xml: string): string {
  const h = createHash('sha256').update(xml).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

export type InboundAnswer =
  | {
      readonly kind: 'accepted'; readonly replayed: boolean; readonly messageId: string; readonly xml: string;
      /** What a signature policy left to a person (also in the Acknowledge); empty on a replay. */
      readonly awaitingSignature: readonly AwaitingSignature[];
    }
  /** `awaitingSignature`: what the import would leave waiting for a signature, when it would be taken and leave any. */
  | { readonly kind: 'dry-run'; readonly allowed: boolean; readonly violations: readonly Violation[]; readonly awaitingSignature?: readonly AwaitingSignature[] };

/**
 * One inbound B2MML message, whole or not at all: parsed and schema-checked, then checked and applied in one
 * transaction. Resolves to the Acknowledge (the first one when the message id was imported before); throws the
 * Refusal (422, every problem with its XML path) when the message cannot be taken. A message the parser refused
 * is still checked against the master data as far as it could be read (nothing applied), so the refusal lists
 * the problems of every stage at once; only a document that cannot be read at all (not XML, DOCTYPE, too large,
 * too deep, not a supported message) is refused on its own problems. With dryRun, writes nothing and answers
 * whether it would be taken, with the same problems.
 */
export async function receiveB2mml(runner: CommandRunner, xml: string, options: InboundOptions): Promise<InboundAnswer> {
  const parsed = parseInbound(xml, { schemas: options.schemas, ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}) });
  const message = parsed.ok ? parsed.message : parsed.readable;
  if (message === null) {
    const refusal = importRefusal(parsed.ok ? [] : parsed.problems);
    if (options.dryRun) return { kind: 'dry-run', allowed: false, violations: refusal.violations };
    throw refusal;
  }
  const input = { message, bodId: bodIdOf(xml), ...(parsed.ok ? {} : { parseProblems: parsed.problems }) };
  const run = () => runner.run(importB2mmlMessage, input, {
    actor: options.actor, dryRun: options.dryRun === true,
    ...(options.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : {}),
    present: (r) => {
      const done = r as { messageId: string; response: string };
      return { messageId: done.messageId, xml: done.response };
    },
  });
  let outcome;
  try {
    outcome = await run().catch((error: unknown) => {
      // The same message imported concurrently (another request or node): its commit took the keys; this attempt
      // wrote nothing, and a second one sees the first one's answer (or the orders it created).
      if (isUniqueViolation(error)) return run();
      throw error;
    });
  } catch (error) {
    if (options.dryRun && error instanceof Refusal) return { kind: 'dry-run', allowed: false, violations: error.violations };
    throw error;
  }
  if (outcome.kind === 'dry-run') {
    return { kind: 'dry-run', allowed: outcome.allowed, violations: outcome.violations, ...(outcome.result && outcome.result.awaitingSignature.length > 0 ? { awaitingSignature: outcome.result.awaitingSignature } : {}) };
  }
  if (outcome.kind === 'replayed') {
    const first = outcome.response as { messageId: string; xml: string };
    return { kind: 'accepted', replayed: true, messageId: first.messageId, xml: first.xml, awaitingSignature: [] };
  }
  const { replayed, messageId, response, awaitingSignature } = outcome.result;
  return { kind: 'accepted', replayed, messageId, xml: response, awaitingSignature };
}
