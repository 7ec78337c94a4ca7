import { command, type CommandContext } from '../../../platform/commands/command.js';
import { invalidTransition, notFound, refuseIfAny } from '../../../platform/errors/violation.js';
import type { Violation } from '../../../platform/errors/violation.js';
import { checkSignatures, type Signing } from '../../compliance/signatures/index.js';
import { findNode } from '../../resources/index.js';
import { findMaterial, findMaterials } from '../materials/material.repository.js';
import type { RevisionContent } from './revision-content.schema.js';
import { findRevision, insertRevision, liveRevisionsOf, nextRevisionNumber, setRevisionStatus, updateDraftContent, type ProductRevision } from './revision.repository.js';
import { revisionRules } from './revision.rules.js';

/** For each component, the chain through which its live revisions lead back to the product (breadth-first). */
async function findCycles(ctx: CommandContext, productId: string, content: RevisionContent): Promise<Map<string, string[]>> {
  const cycles = new Map<string, string[]>();
  for (const start of new Set(content.bom.map((l) => l.materialId))) {
    const via = new Map<string, string[]>([[start, [start]]]);
    let frontier = [start];
    while (frontier.length > 0 && !cycles.has(start)) {
      const next: string[] = [];
      for (const rev of await liveRevisionsOf(ctx.tx, frontier)) {
        for (const line of rev.bom) {
          if (via.has(line.materialId)) continue;
          const path = [...(via.get(rev.materialId) ?? []), line.materialId];
          if (line.materialId === productId) cycles.set(start, path);
          via.set(line.materialId, path);
          next.push(line.materialId);
        }
      }
      frontier = next;
    }
  }
  return cycles;
}

async function contentViolations(ctx: CommandContext, productId: string, content: RevisionContent): Promise<readonly Violation[]> {
  const product = await findMaterial(ctx.tx, productId);
  if (!product) throw notFound('material', productId);
  const materials = await findMaterials(ctx.tx, content.bom.map((l) => l.materialId));
  const nodeLevels = new Map<string, string>();
  for (const id of new Set(content.routing.map((s) => s.workCenterId))) {
    const node = await findNode(ctx.tx, id);
    if (node) nodeLevels.set(id, node.level);
  }
  return revisionRules({ productId, content, materials, nodeLevels, cycles: await findCycles(ctx, productId, content) });
}

async function checkContent(ctx: CommandContext, productId: string, content: RevisionContent): Promise<void> {
  refuseIfAny(await contentViolations(ctx, productId, content));
}

/** Adds a draft revision of a product definition after checking every reference it makes. */
export const createRevision = command('revision.create', async (ctx, cmd: { materialId: string; content: RevisionContent }): Promise<ProductRevision> => {
  await checkContent(ctx, cmd.materialId, cmd.content);
  const revision: ProductRevision = {
    materialId: cmd.materialId, revision: await nextRevisionNumber(ctx.tx, cmd.materialId), status: 'draft', bom: cmd.content.bom,
    routing: cmd.content.routing, createdAt: ctx.now, createdBy: ctx.actor.username, approvedAt: null, approvedBy: null,
  };
  await insertRevision(ctx.tx, revision);
  ctx.record({ action: 'revision.created', entity: 'product', entityId: cmd.materialId, data: { revision: revision.revision, bom: revision.bom, routing: revision.routing } });
  return revision;
});

/** Replaces the content of a draft; approved and obsolete revisions are never edited. */
export const updateDraft = command('revision.update', async (ctx, cmd: { materialId: string; revision: number; content: RevisionContent }): Promise<ProductRevision> => {
  const current = await findRevision(ctx.tx, cmd.materialId, cmd.revision);
  if (!current) throw notFound('revision', `${cmd.materialId}/${cmd.revision}`);
  if (current.status !== 'draft') throw invalidTransition('revision', `${cmd.materialId}/${cmd.revision}`, current.status, 'draft (edit)');
  await checkContent(ctx, cmd.materialId, cmd.content);
  await updateDraftContent(ctx.tx, cmd.materialId, cmd.revision, cmd.content.bom, cmd.content.routing);
  ctx.record({ action: 'revision.updated', entity: 'product', entityId: cmd.materialId, data: { revision: cmd.revision, changes: { bom: { before: current.bom, after: cmd.content.bom }, routing: { before: current.routing, after: cmd.content.routing } } } });
  return { ...current, bom: cmd.content.bom, routing: cmd.content.routing };
});

/**
 * Approves a draft: the earlier approved revision becomes obsolete; new work orders snapshot the approved one. Signed
 * when the `revision.approve` policy asks for it: the signature binds the revision's BOM and routing as approved.
 */
export const approveRevision = command('revision.approve', async (ctx, cmd: { materialId: string; revision: number; reason?: string | undefined } & Signing): Promise<ProductRevision> => {
  const current = await findRevision(ctx.tx, cmd.materialId, cmd.revision);
  if (!current) throw notFound('revision', `${cmd.materialId}/${cmd.revision}`);
  if (current.status !== 'draft') throw invalidTransition('revision', `${cmd.materialId}/${cmd.revision}`, current.status, 'approved');
  const signed = await checkSignatures(ctx, {
    action: 'revision.approve', entity: 'product', entityId: cmd.materialId, signing: cmd,
    content: { revision: current.revision, bom: current.bom, routing: current.routing, reason: cmd.reason ?? null },
  });
  // References may have changed since the draft was written: check again at approval.
  refuseIfAny([...(await contentViolations(ctx, cmd.materialId, { bom: [...current.bom], routing: [...current.routing] })), ...signed.violations]);
  await signed.apply();
  const previous = await ctx.tx.selectFrom('product_revisions').select('revision').where('material_id', '=', cmd.materialId).where('status', '=', 'approved').execute();
  for (const p of previous) {
    await setRevisionStatus(ctx.tx, cmd.materialId, p.revision, 'approved', 'obsolete', null, ctx.now);
    ctx.record({ action: 'revision.obsoleted', entity: 'product', entityId: cmd.materialId, data: { revision: p.revision, supersededBy: cmd.revision } });
  }
  if ((await setRevisionStatus(ctx.tx, cmd.materialId, cmd.revision, 'draft', 'approved', ctx.actor.username, ctx.now)) !== 1) {
    throw invalidTransition('revision', `${cmd.materialId}/${cmd.revision}`, 'draft', 'approved');
  }
  ctx.record({ action: 'revision.approved', entity: 'product', entityId: cmd.materialId, data: { revision: cmd.revision, changes: { status: { before: 'draft', after: 'approved' } } }, reason: cmd.reason ?? null });
  return { ...current, status: 'approved', approvedAt: ctx.now, approvedBy: ctx.actor.username };
});
