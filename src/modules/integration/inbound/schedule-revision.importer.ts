import { canonicalJson } from '../../../platform/journal/canonical-json.js';
import type { ImportedWorkOrder, WorkOrderRequest } from '../b2mml/index.js';
import { approveRevision, createRevision, listRevisions } from '../../product/index.js';
import type { SignatureRequirement } from '../../compliance/signatures/index.js';
import { awaitingSignature, signedStep } from './awaiting-signature.js';
import { routingFromSchedule } from './imported-routing.builder.js';
import { attempt, type ImportProblem, type Where } from './import-problem.js';
import { reasonOf, type ImportScope } from './import-scope.js';

/** What giving a product its revision from the schedule came to: problems, or whether the order can be created now. */
export interface ScheduleRevision {
  readonly problems: ImportProblem[];
  /** False when the revision awaits a signed approval: the order waits too. */
  readonly approved: boolean;
}

const contentOf = (r: { readonly bom: unknown; readonly routing: unknown }): string => canonicalJson({ bom: r.bom, routing: r.routing });

/**
 * The draft an approval waits on: one this message built for the product, else a draft holding exactly what the
 * schedule builds (an earlier message's, so that sending a schedule again adds no draft), else a new one.
 */
async function draftFor(s: ImportScope, wanted: ImportedWorkOrder, request: WorkOrderRequest | undefined, where: Where): Promise<{ problems: ImportProblem[]; revision?: number; firstInMessage?: boolean }> {
  const known = s.drafts.get(wanted.materialId);
  if (known !== undefined) return { problems: [], revision: known, firstInMessage: false };
  const built = await routingFromSchedule(s.ctx.tx, s.nodes, wanted, request, where);
  if (!built.ok) return { problems: built.problems };
  const content = contentOf(built.content);
  const same = (await listRevisions(s.ctx.tx, wanted.materialId)).filter((r) => r.status === 'draft' && contentOf(r) === content).at(-1);
  let revision = same?.revision;
  if (revision === undefined) {
    const problems = await attempt(async () => {
      revision = (await createRevision.run(s.ctx, { materialId: wanted.materialId, content: built.content })).revision;
    }, `building product '${wanted.materialId}' from the schedule`, where);
    if (problems.length > 0 || revision === undefined) return { problems };
  }
  s.drafts.set(wanted.materialId, revision);
  return { problems: [], revision, firstInMessage: true };
}

/** Leaves the revision a draft and reports it (once per message) and the order that needs it as awaiting the approval. */
async function awaitApproval(s: ImportScope, wanted: ImportedWorkOrder, request: WorkOrderRequest | undefined, where: Where, approval: SignatureRequirement): Promise<ScheduleRevision> {
  const draft = await draftFor(s, wanted, request, where);
  if (draft.revision === undefined) return { problems: draft.problems, approved: false };
  const { materialId } = wanted;
  const revision = draft.revision;
  if (draft.firstInMessage) {
    s.awaiting.push(awaitingSignature(approval, {
      entity: 'product', entityId: materialId, revision, from: 'draft', to: 'approved',
      what: `product '${materialId}' revision ${revision}, built from the schedule, stays a draft`,
      next: `approve it there (POST /api/v1/products/${materialId}/revisions/${revision}/approve)`,
    }, where));
  }
  s.awaiting.push(awaitingSignature(approval, {
    entity: 'work-order', entityId: wanted.id, revision, from: null, to: 'created',
    what: `work order '${wanted.id}' was not created, for it needs product '${materialId}' revision ${revision} approved`,
    next: 'send the order again once the revision is approved',
  }, where));
  return { problems: [], approved: false };
}

/**
 * Gives a product without an approved revision the revision built from the schedule. When revision.approve needs no
 * signature it is approved at once, as an import always did; when its policy asks for one, it stays a draft for a
 * person to approve, the order that needs it is not created (an order snapshots an approved revision), and both are
 * reported as awaiting the signed approval. The import never signs.
 */
export async function reviseFromSchedule(s: ImportScope, wanted: ImportedWorkOrder, request: WorkOrderRequest | undefined, where: Where): Promise<ScheduleRevision> {
  const approval = await signedStep(s.ctx.tx, s.requirements, 'revision.approve');
  if (approval) return awaitApproval(s, wanted, request, where, approval);
  const built = await routingFromSchedule(s.ctx.tx, s.nodes, wanted, request, where);
  if (!built.ok) return { problems: built.problems, approved: false };
  const problems = await attempt(async () => {
    const draft = await createRevision.run(s.ctx, { materialId: wanted.materialId, content: built.content });
    await approveRevision.run(s.ctx, { materialId: wanted.materialId, revision: draft.revision, reason: reasonOf(s) });
  }, `building product '${wanted.materialId}' from the schedule`, where);
  return { problems, approved: problems.length === 0 };
}
