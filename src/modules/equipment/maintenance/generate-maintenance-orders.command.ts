import { command } from '../../../platform/commands/command.js';
import { listNodes } from '../../resources/index.js';
import { lockEquipment } from '../settings/equipment-settings.repository.js';
import { requireEquipment } from '../shared/equipment-node.js';
import { plansOf } from './maintenance.repository.js';
import { generateDueOrders } from './maintenance-orders.generator.js';
import { presentOrder } from './maintenance-order.present.js';

/**
 * Opens a preventive order for every due or overdue plan without an open order, for one piece of equipment or for
 * all. Calendar plans fall due with no event at all, so a scheduler calls this (state changes also generate the
 * orders of their equipment). Each order is journaled as `maintenance-order.created`; running it twice opens
 * nothing new.
 */
export const generateMaintenanceOrders = command('maintenance.generate', async (ctx, cmd: { equipmentId?: string | undefined }) => {
  if (cmd.equipmentId !== undefined) await requireEquipment(ctx.tx, cmd.equipmentId);
  const equipment = new Set((await listNodes(ctx.tx, 'equipment')).map((n) => n.id));
  const ids = cmd.equipmentId !== undefined ? [cmd.equipmentId] : [...new Set((await plansOf(ctx.tx)).map((p) => p.equipmentId))].filter((id) => equipment.has(id));
  const created = [];
  for (const id of ids) {
    const settings = await lockEquipment(ctx.tx, id, ctx.now);
    created.push(...(await generateDueOrders(ctx, id, settings.countSource)));
  }
  return { created: created.map(presentOrder) };
});
