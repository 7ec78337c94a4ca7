import { command } from '../../../platform/commands/command.js';
import { refuseIfAny, violation } from '../../../platform/errors/violation.js';
import { ALWAYS_REQUIRED, type SignaturePolicy, type SignedAction } from './signature-actions.js';
import { findPolicy, upsertPolicy, type StoredPolicy } from './signature-policy.repository.js';

/** Sets which signatures an action needs; the change is journaled with its before and after. */
export const putSignaturePolicy = command('signature-policy.put', async (ctx, cmd: { action: SignedAction } & SignaturePolicy): Promise<StoredPolicy> => {
  const always = ALWAYS_REQUIRED[cmd.action] ?? [];
  refuseIfAny(always.filter((m) => !cmd.meanings.includes(m)).map((m) =>
    violation('INVALID_FIELD', `${cmd.action} always needs the meaning ${m}`, { field: 'meanings' })));
  const before = await findPolicy(ctx.tx, cmd.action);
  const meanings = [...new Set(cmd.meanings)];
  await upsertPolicy(ctx.tx, cmd.action, { meanings, witness: cmd.witness }, ctx.actor.username, ctx.now);
  ctx.record({
    action: 'signature-policy.changed', entity: 'signature-policy', entityId: cmd.action,
    data: { changes: { meanings: { before: before.meanings, after: meanings }, witness: { before: before.witness, after: cmd.witness } } },
  });
  return { action: cmd.action, meanings, witness: cmd.witness, configured: true, updatedAt: ctx.now, updatedBy: ctx.actor.username };
});
