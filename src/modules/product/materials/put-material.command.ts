import { command } from '../../../platform/commands/command.js';
import { changes } from '../../../platform/journal/diff.js';
import { findMaterial, saveMaterial, type Material } from './material.repository.js';

/** Creates or updates a material (PUT semantics); every changed field is journaled with its previous value. */
export const putMaterial = command('material.put', async (ctx, m: Material): Promise<Material> => {
  const existing = await findMaterial(ctx.tx, m.id);
  const diff = changes(existing ? { ...existing } : null, { ...m });
  await saveMaterial(ctx.tx, m, ctx.now, existing !== undefined);
  if (!existing || Object.keys(diff).length > 0) {
    ctx.record({ action: existing ? 'material.updated' : 'material.created', entity: 'material', entityId: m.id, data: { changes: diff } });
  }
  return m;
});
