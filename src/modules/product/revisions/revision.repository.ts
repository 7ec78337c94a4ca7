import type { Kysely, Transaction } from 'kysely';
import type { Database, ProductRevisionsTable } from '../../../platform/store/schema.js';
import type { BomLine, RoutingStep } from './revision-content.schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export type RevisionStatus = 'draft' | 'approved' | 'obsolete';

/** A revision of a product definition: BOM and routing, draft → approved → obsolete. */
export interface ProductRevision {
  readonly materialId: string;
  readonly revision: number;
  readonly status: RevisionStatus;
  readonly bom: readonly BomLine[];
  readonly routing: readonly RoutingStep[];
  readonly createdAt: number;
  readonly createdBy: string;
  readonly approvedAt: number | null;
  readonly approvedBy: string | null;
}

function toRevision(r: ProductRevisionsTable): ProductRevision {
  return {
    materialId: r.material_id, revision: r.revision, status: r.status, bom: JSON.parse(r.bom) as BomLine[],
    routing: JSON.parse(r.routing) as RoutingStep[], createdAt: r.created_at, createdBy: r.created_by,
    approvedAt: r.approved_at, approvedBy: r.approved_by,
  };
}

export async function findRevision(db: Db, materialId: string, revision: number): Promise<ProductRevision | undefined> {
  const r = await db.selectFrom('product_revisions').selectAll().where('material_id', '=', materialId).where('revision', '=', revision).executeTakeFirst();
  return r ? toRevision(r) : undefined;
}

export async function listRevisions(db: Db, materialId: string): Promise<ProductRevision[]> {
  return (await db.selectFrom('product_revisions').selectAll().where('material_id', '=', materialId).orderBy('revision').execute()).map(toRevision);
}

/** The approved revision of a product, if any (at most one is approved at a time). */
export async function approvedRevision(db: Db, materialId: string): Promise<ProductRevision | undefined> {
  const r = await db.selectFrom('product_revisions').selectAll().where('material_id', '=', materialId).where('status', '=', 'approved').executeTakeFirst();
  return r ? toRevision(r) : undefined;
}

/** Draft and approved revisions of the given products: what a multi-level BOM may still expand into. */
export async function liveRevisionsOf(db: Db, materialIds: readonly string[]): Promise<ProductRevision[]> {
  if (materialIds.length === 0) return [];
  const rows = await db.selectFrom('product_revisions').selectAll().where('material_id', 'in', [...new Set(materialIds)]).where('status', '!=', 'obsolete').execute();
  return rows.map(toRevision);
}

/** The revisions (of any status) that make a material or take it in their bill of materials, as `product/revision`. */
export async function revisionsUsing(db: Db, materialId: string): Promise<string[]> {
  const rows = await db.selectFrom('product_revisions').select(['material_id', 'revision', 'bom']).orderBy('material_id').orderBy('revision').execute();
  return rows
    .filter((r) => r.material_id === materialId || (JSON.parse(r.bom) as BomLine[]).some((b) => b.materialId === materialId))
    .map((r) => `${r.material_id}/${r.revision}`);
}

export async function nextRevisionNumber(db: Db, materialId: string): Promise<number> {
  const r = await db.selectFrom('product_revisions').select((eb) => eb.fn.max('revision').as('max')).where('material_id', '=', materialId).executeTakeFirst();
  return Number(r?.max ?? 0) + 1;
}

export async function insertRevision(db: Db, r: ProductRevision): Promise<void> {
  await db
    .insertInto('product_revisions')
    .values({ material_id: r.materialId, revision: r.revision, status: r.status, bom: JSON.stringify(r.bom), routing: JSON.stringify(r.routing), created_at: r.createdAt, created_by: r.createdBy, approved_at: null, approved_by: null })
    .execute();
}

export async function updateDraftContent(db: Db, materialId: string, revision: number, bom: readonly BomLine[], routing: readonly RoutingStep[]): Promise<number> {
  const r = await db
    .updateTable('product_revisions')
    .set({ bom: JSON.stringify(bom), routing: JSON.stringify(routing) })
    .where('material_id', '=', materialId).where('revision', '=', revision).where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Moves a revision from one status to another, guarded on the expected current status; returns rows changed. */
export async function setRevisionStatus(db: Db, materialId: string, revision: number, from: RevisionStatus, to: RevisionStatus, by: string | null, at: number): Promise<number> {
  const r = await db
    .updateTable('product_revisions')
    .set({ status: to, ...(to === 'approved' ? { approved_at: at, approved_by: by } : {}) })
    .where('material_id', '=', materialId).where('revision', '=', revision).where('status', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
