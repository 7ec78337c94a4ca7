import { violation, type Violation } from '../../../platform/errors/violation.js';
import type { Material } from '../materials/material.repository.js';
import type { RevisionContent } from './revision-content.schema.js';

export interface RevisionCheckContext {
  readonly productId: string;
  readonly content: RevisionContent;
  readonly materials: ReadonlyMap<string, Material>;
  /** Level of each referenced hierarchy node that exists. */
  readonly nodeLevels: ReadonlyMap<string, string>;
  /** For each component, the chain of products through which it leads back to this product (empty: no cycle). */
  readonly cycles: ReadonlyMap<string, readonly string[]>;
}

function duplicates<T>(items: readonly T[]): Set<T> {
  const seen = new Set<T>();
  const dup = new Set<T>();
  for (const i of items) (seen.has(i) ? dup : seen).add(i);
  return dup;
}

/**
 * Every reference a product definition makes must hold: components exist in the unit the BOM names and are not
 * the product itself (directly or through other products), each BOM line is consumed at a step of the routing,
 * steps have unique numbers and run at work centers, inspection codes are unique per step.
 */
export function revisionRules(c: RevisionCheckContext): Violation[] {
  const out: Violation[] = [];
  const seqs = c.content.routing.map((s) => s.seq);
  const dupSeqs = duplicates(seqs);
  c.content.routing.forEach((step, i) => {
    const f = `routing[${i}]`;
    if (dupSeqs.has(step.seq)) out.push(violation('INVALID_FIELD', `step number ${step.seq} is used twice`, { field: `${f}.seq` }));
    const level = c.nodeLevels.get(step.workCenterId);
    if (!level) out.push(violation('INVALID_FIELD', `work center '${step.workCenterId}' does not exist`, { field: `${f}.workCenterId`, details: { reason: 'REFERENCE_NOT_FOUND' } }));
    else if (level !== 'work_center') out.push(violation('INVALID_FIELD', `'${step.workCenterId}' is a ${level.replace('_', ' ')}, not a work center`, { field: `${f}.workCenterId` }));
    const dupCodes = duplicates(step.inspections.map((x) => x.code));
    step.inspections.forEach((ch, j) => {
      if (dupCodes.has(ch.code)) out.push(violation('INVALID_FIELD', `characteristic '${ch.code}' appears twice at step ${step.seq}`, { field: `${f}.inspections[${j}].code` }));
      if (ch.type === 'variable' && ch.lsl === undefined && ch.usl === undefined) {
        out.push(violation('INVALID_FIELD', 'a variable characteristic needs lsl or usl', { field: `${f}.inspections[${j}].lsl` }));
      }
    });
  });
  c.content.bom.forEach((line, i) => {
    const f = `bom[${i}]`;
    const m = c.materials.get(line.materialId);
    if (line.materialId === c.productId) {
      out.push(violation('INVALID_FIELD', 'a product cannot consume itself', { field: `${f}.materialId`, details: { reason: 'REFERENCE_CYCLE' } }));
    } else if (!m) {
      out.push(violation('INVALID_FIELD', `material '${line.materialId}' does not exist`, { field: `${f}.materialId`, details: { reason: 'REFERENCE_NOT_FOUND' } }));
    } else if (m.uom !== line.uom) {
      out.push(violation('INVALID_FIELD', `material '${m.id}' is kept in ${m.uom}, not ${line.uom}`, { field: `${f}.uom` }));
    }
    const chain = c.cycles.get(line.materialId);
    if (chain && chain.length > 0) {
      out.push(violation('INVALID_FIELD', `'${line.materialId}' leads back to '${c.productId}' through ${chain.join(' → ')}`, { field: `${f}.materialId`, details: { reason: 'REFERENCE_CYCLE', path: chain } }));
    }
    if (!seqs.includes(line.operationSeq)) {
      out.push(violation('INVALID_FIELD', `no routing step ${line.operationSeq} to consume it at`, { field: `${f}.operationSeq` }));
    }
  });
  return out;
}
