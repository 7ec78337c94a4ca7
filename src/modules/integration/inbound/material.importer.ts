import type { ImportedMaterial } from '../b2mml/index.js';
import { findMaterial, putMaterial } from '../../product/index.js';
import { attempt, importProblem, type ImportProblem, type Where } from './import-problem.js';
import type { ImportScope } from './import-scope.js';

/** Lot control of a material the message creates without saying: on, so that every lot of it is traced. */
const DEFAULT_LOT_CONTROLLED = true;

/**
 * Creates or updates a material. What the message leaves out (name, lot control, shelf life) keeps its current
 * value; the unit never changes (the checks refuse that before).
 */
export async function upsertMaterial(s: ImportScope, m: ImportedMaterial): Promise<ImportProblem[]> {
  const item = s.index.materials.get(m.id);
  const where: Where = item ?? s.index.root;
  const existing = await findMaterial(s.ctx.tx, m.id);
  const material = {
    id: m.id,
    name: item?.name ?? existing?.name ?? m.name,
    uom: m.uom,
    lotControlled: m.lotControlled ?? existing?.lotControlled ?? DEFAULT_LOT_CONTROLLED,
    shelfLifeDays: m.shelfLifeDays ?? existing?.shelfLifeDays ?? null,
  };
  return attempt(() => putMaterial.run(s.ctx, material), `saving material '${m.id}'`, where);
}

/**
 * A material Takt holds is never deleted: lots, revisions and records name it. One Takt does not hold needs nothing.
 */
export async function deleteMaterial(s: ImportScope, materialId: string): Promise<ImportProblem[]> {
  if (!(await findMaterial(s.ctx.tx, materialId))) return [];
  const where: Where = s.index.materials.get(materialId) ?? s.index.root;
  return [importProblem('IMPORT_CONFLICT', `material '${materialId}' cannot be deleted: Takt keeps every material its lots, products and records name`, where)];
}
