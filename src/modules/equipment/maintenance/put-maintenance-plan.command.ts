import { command } from '../../../platform/commands/command.js';
import { refuseIfAny, violation } from '../../../platform/errors/violation.js';
import { iso } from '../../../platform/http/time.js';
import { changes } from '../../../platform/journal/diff.js';
import type { MaintenanceInterval } from '../domain/index.js';
import { lockEquipment } from '../settings/equipment-settings.repository.js';
import { requireEquipment } from '../shared/equipment-node.js';
import { findPlan, savePlan, type StoredPlan } from './maintenance.repository.js';
import { generateDueOrders } from './maintenance-orders.generator.js';
import { presentOrder } from './maintenance-order.present.js';

export interface PutMaintenancePlan {
  readonly equipmentId: string;
  readonly code: string;
  readonly name: string;
  readonly every: MaintenanceInterval;
  readonly leadFraction?: number | undefined;
  readonly grace?: number | undefined;
  /** When it was last done; a new plan without it counts from now. */
  readonly lastDoneAt?: number | undefined;
}

/** A plan as the API answers it. */
export function presentPlan(p: StoredPlan) {
  return { ...p, lastDoneAt: iso(p.lastDoneAt) };
}

/**
 * Creates or updates a preventive maintenance plan (every N days, run hours or cycles). `lastDoneAt` must not lie
 * in the future (400). Journaled as `maintenance-plan.created` / `.updated`; a plan already due opens its order.
 */
export const putMaintenancePlan = command('maintenance-plan.put', async (ctx, cmd: PutMaintenancePlan) => {
  await requireEquipment(ctx.tx, cmd.equipmentId);
  const settings = await lockEquipment(ctx.tx, cmd.equipmentId, ctx.now);
  refuseIfAny(
    cmd.lastDoneAt !== undefined && cmd.lastDoneAt > ctx.now
      ? [violation('INVALID_FIELD', 'lastDoneAt lies in the future', { field: 'lastDoneAt', details: { lastDoneAt: iso(cmd.lastDoneAt) } })]
      : [],
  );
  const existing = await findPlan(ctx.tx, cmd.equipmentId, cmd.code);
  const plan: StoredPlan = {
    equipmentId: cmd.equipmentId, code: cmd.code, name: cmd.name, every: cmd.every,
    leadFraction: cmd.leadFraction ?? existing?.leadFraction ?? 0.1, grace: cmd.grace ?? existing?.grace ?? 0,
    lastDoneAt: cmd.lastDoneAt ?? existing?.lastDoneAt ?? ctx.now,
  };
  await savePlan(ctx.tx, plan, ctx.now, existing !== undefined);
  const diff = changes(existing ? presentPlan(existing) : null, presentPlan(plan));
  if (!existing || Object.keys(diff).length > 0) {
    ctx.record({ action: `maintenance-plan.${existing ? 'updated' : 'created'}`, entity: 'maintenance-plan', entityId: `${cmd.equipmentId}/${cmd.code}`, data: { equipmentId: cmd.equipmentId, code: cmd.code, changes: diff } });
  }
  const orders = await generateDueOrders(ctx, cmd.equipmentId, settings.countSource);
  return { ...presentPlan(plan), maintenanceOrders: orders.map(presentOrder) };
});
