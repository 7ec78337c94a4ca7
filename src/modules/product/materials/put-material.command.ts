import { command } from '../../../platform/commands/command.js';
import { Refusal, violation } from '../../../platform/errors/violation.js';
import { changes } from '../../../platform/journal/diff.js';
import { revisionsUsing } from '../revisions/revision.repository.js';
import { findMaterial, saveMaterial, type Material } from './material.repository.js';

/**
 * Creates or updates a material (PUT semantics); every changed field is journaled with its previous value. Its unit
 * does not change once a product revision makes it or takes it in (UOM_MISMATCH, as the ERP import refuses): the
 * quantities of those BOMs and of the orders made from them would change meaning; a new unit needs a new material.
 */
export const putMaterial = command('material.put', async (ctx, m: Material): Promise<Material> => {
  const existing = await findMaterial(ctx.tx, m.id);
  if (existing && existing.uom !== m.uom) {
    const usedBy = await revisionsUsing(ctx.tx, m.id);
    if (usedBy.length > 0) {
      throw new Refusal([
        violation('UOM_MISMATCH', `material '${m.id}' is kept in '${existing.uom}' by revisions ${usedBy.slice(0, 5).join(', ')}${usedBy.length > 5 ? ', ...' : ''}; a new unit needs a new material`, {
          field: 'uom', details: { materialId: m.id, uom: existing.uom, revisions: usedBy },
        }),
      ]);
    }
  }
  const diff = changes(existing ? { ...existing } : null, { ...m });
  await saveMaterial(ctx.tx, m, ctx.now, existing !== undefined);
  if (!existing || Object.keys(diff).length > 0) {
    ctx.record({ action: existing ? 'material.updated' : 'material.created', entity: 'material', entityId: m.id, data: { changes: diff } });
  }
  return m;
});
