import type { Kysely, Transaction } from 'kysely';
import { precompiled } from '../../../platform/store/precompiled.js';
import { mapRead, runRead, type StoreRead } from '../../../platform/store/read-together.js';
import type { Database, MaterialsTable } from '../../../platform/store/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A material: unit of measure, lot control and shelf life. */
export interface Material {
  readonly id: string;
  readonly name: string;
  readonly uom: string;
  readonly lotControlled: boolean;
  readonly shelfLifeDays: number | null;
}

function toMaterial(r: MaterialsTable): Material {
  return { id: r.id, name: r.name, uom: r.uom, lotControlled: r.lot_controlled === 1, shelfLifeDays: r.shelf_life_days };
}

const selectMaterial = precompiled((db, id: string) => db.selectFrom('materials').selectAll().where('id', '=', id));

/** A material by id, as a read to run with others; undefined when there is none. */
export function materialRead(id: string): StoreRead<Material | undefined> {
  return mapRead(selectMaterial.read(id), ([r]) => (r ? toMaterial(r) : undefined));
}

export async function findMaterial(db: Db, id: string): Promise<Material | undefined> {
  return runRead(db, materialRead(id));
}

/** The materials among the ids, keyed by id (one query). */
export async function findMaterials(db: Db, ids: readonly string[]): Promise<Map<string, Material>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('materials').selectAll().where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, toMaterial(r)]));
}

export async function listMaterials(db: Db): Promise<Material[]> {
  return (await db.selectFrom('materials').selectAll().orderBy('id').execute()).map(toMaterial);
}

export async function saveMaterial(db: Db, m: Material, now: number, exists: boolean): Promise<void> {
  const row = { name: m.name, uom: m.uom, lot_controlled: m.lotControlled ? 1 : 0, shelf_life_days: m.shelfLifeDays, updated_at: now };
  if (exists) await db.updateTable('materials').set(row).where('id', '=', m.id).execute();
  else await db.insertInto('materials').values({ id: m.id, ...row, created_at: now }).execute();
}
