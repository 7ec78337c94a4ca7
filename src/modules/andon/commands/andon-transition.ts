import { command, type Command } from '../../../platform/commands/command.js';
import { invalidTransition, notFound, refuseIfAny } from '../../../platform/errors/violation.js';
import type { AndonCall } from '../domain/andon-call.js';
import type { Acting, Outcome } from '../domain/andon-call.transitions.js';
import { findCall, saveTransition } from '../andon-call.repository.js';
import { recordCall } from './andon-journal.js';

export interface AndonCallCommand {
  readonly id: string;
  /** The resolution (resolve) or the reason (cancel). */
  readonly text?: string | null | undefined;
}

/**
 * Builds one explicit transition of an andon call: the domain decides on the call as read (every violation at once),
 * the write is guarded on the status it was read in, and the change is journaled with before and after.
 */
export function andonTransition(name: string, action: string, decide: (call: AndonCall, acting: Acting, text: string | null) => Outcome): Command<AndonCallCommand, AndonCall> {
  return command(name, async (ctx, cmd: AndonCallCommand) => {
    const call = await findCall(ctx.tx, cmd.id);
    if (!call) throw notFound('andon call', cmd.id);
    const text = cmd.text ?? null;
    const outcome = decide(call, { by: ctx.actor.username, at: ctx.now, admin: ctx.actor.roles.includes('admin') }, text);
    if (!outcome.ok) {
      refuseIfAny(outcome.violations);
      throw new Error('a refused andon transition without violations');
    }
    // Guarded on the status read: another responder who was quicker wins, this one is refused.
    if (!(await saveTransition(ctx.tx, call.status, outcome.call))) throw invalidTransition('andon call', call.id, call.status, outcome.call.status);
    recordCall(ctx, action, call, outcome.call, text);
    return outcome.call;
  });
}
