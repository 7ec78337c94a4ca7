import { command } from '../../../platform/commands/command.js';
import { refuseIfAny, violation } from '../../../platform/errors/violation.js';
import { changes } from '../../../platform/journal/diff.js';
import { validateReasonTree } from '../domain/index.js';
import { allReasons, saveReason, type DowntimeReason } from './downtime-reason.repository.js';

export interface PutDowntimeReason {
  readonly code: string;
  readonly name: string;
  readonly parentCode?: string | null | undefined;
  readonly planned: boolean;
  readonly raisesMaintenanceOrder?: boolean | undefined;
}

/**
 * Creates or updates a reason of the downtime reason tree. The parent must exist and must not make a cycle
 * (400 naming `parentCode`). Journaled as `downtime-reason.created` / `.updated` with every changed field.
 */
export const putDowntimeReason = command('downtime-reason.put', async (ctx, cmd: PutDowntimeReason): Promise<DowntimeReason> => {
  const all = await allReasons(ctx.tx);
  const existing = all.find((r) => r.code === cmd.code);
  const reason: DowntimeReason = {
    code: cmd.code,
    name: cmd.name,
    parentCode: cmd.parentCode ?? null,
    planned: cmd.planned,
    raisesMaintenanceOrder: cmd.raisesMaintenanceOrder ?? existing?.raisesMaintenanceOrder ?? false,
  };
  const tree = [...all.filter((r) => r.code !== cmd.code), reason];
  const index = tree.length - 1;
  refuseIfAny(
    validateReasonTree(tree)
      .filter((p) => p.field?.startsWith(`[${index}].`))
      .map((p) => violation('INVALID_FIELD', p.message, {
        field: 'parentCode',
        details: { reason: p.message.startsWith('unknown') ? 'REFERENCE_NOT_FOUND' : 'REFERENCE_CYCLE', parentCode: reason.parentCode },
      })),
  );
  await saveReason(ctx.tx, reason, ctx.now, existing !== undefined);
  const diff = changes(existing ? { ...existing } : null, { ...reason });
  if (!existing || Object.keys(diff).length > 0) {
    ctx.record({ action: `downtime-reason.${existing ? 'updated' : 'created'}`, entity: 'downtime-reason', entityId: cmd.code, data: { changes: diff } });
  }
  return reason;
});
