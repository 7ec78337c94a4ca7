import type { CommandContext } from '../../../platform/commands/command.js';
import { changes } from '../../../platform/journal/diff.js';
import type { AndonCall } from '../domain/andon-call.js';

/** The fields of a call that its events compare before and after (its id is the event's entity id). */
function journaled(c: AndonCall): Record<string, unknown> {
  const { id: _id, ...rest } = c;
  return rest;
}

/**
 * Journals a call's change as `andon-call.<verb>`: where and what kind, for which order and operation (so a screen or
 * a batch record can place it without a read),
 * and every changed field before and after (a raise lists every field with before null).
 */
export function recordCall(ctx: CommandContext, action: string, before: AndonCall | null, after: AndonCall, reason: string | null = null): void {
  ctx.record({
    action, entity: 'andon-call', entityId: after.id,
    data: { workCenterId: after.workCenterId, kind: after.kind, status: after.status, equipmentId: after.equipmentId, workOrderId: after.workOrderId, operationId: after.operationId, changes: changes(before && journaled(before), journaled(after)) },
    reason,
  });
}
