import { command } from '../../../platform/commands/command.js';
import { changes } from '../../../platform/journal/diff.js';
import type { EquipmentState } from '../domain/index.js';
import { requireEquipment } from '../shared/equipment-node.js';
import { lockEquipment, saveSettings, type CountSource, type EquipmentSettings } from './equipment-settings.repository.js';

export interface PutEquipmentSettings {
  readonly equipmentId: string;
  readonly microStopThresholdSec?: number | undefined;
  readonly countSource?: CountSource | undefined;
  readonly reasonRequiredFor?: readonly EquipmentState[] | undefined;
}

/** Sets the micro-stop threshold, the count source and the states needing a reason; journaled `equipment.settings-changed`. */
export const putEquipmentSettings = command('equipment.settings', async (ctx, cmd: PutEquipmentSettings): Promise<EquipmentSettings> => {
  await requireEquipment(ctx.tx, cmd.equipmentId);
  const before = await lockEquipment(ctx.tx, cmd.equipmentId, ctx.now);
  const after: EquipmentSettings = {
    equipmentId: cmd.equipmentId,
    microStopThresholdSec: cmd.microStopThresholdSec ?? before.microStopThresholdSec,
    countSource: cmd.countSource ?? before.countSource,
    reasonRequiredFor: cmd.reasonRequiredFor ? [...new Set(cmd.reasonRequiredFor)] : before.reasonRequiredFor,
  };
  await saveSettings(ctx.tx, after, ctx.now);
  const diff = changes({ ...before }, { ...after });
  if (Object.keys(diff).length > 0) ctx.record({ action: 'equipment.settings-changed', entity: 'equipment', entityId: cmd.equipmentId, data: { changes: diff } });
  return after;
});
