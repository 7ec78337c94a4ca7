import { violation, type Violation } from '../../../platform/errors/violation.js';
import type { HierarchyLevel } from '../../../platform/store/schema.js';
import type { HierarchyNode } from './hierarchy.repository.js';

/** The level a node's parent must have. Equipment may also sit below equipment (units within a machine). */
export const PARENT_LEVELS: Record<HierarchyLevel, readonly HierarchyLevel[]> = {
  site: [],
  area: ['site'],
  work_center: ['area'],
  equipment: ['work_center', 'equipment'],
};

/** A level with its article: "a site", "an area", "a work center", "equipment" (uncountable). */
const A: Record<HierarchyLevel, string> = { site: 'a site', area: 'an area', work_center: 'a work center', equipment: 'equipment' };

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** A time zone's canonical IANA name ("europe/berlin" → "Europe/Berlin"); the name itself when it is none. */
export function canonicalTimeZone(tz: string): string {
  return isTimeZone(tz) ? new Intl.DateTimeFormat('en', { timeZone: tz }).resolvedOptions().timeZone : tz;
}

export interface PlaceContext {
  readonly id: string;
  readonly level: HierarchyLevel;
  readonly existing: HierarchyNode | undefined;
  readonly parentId: string | null;
  readonly parent: HierarchyNode | undefined;
  /** The parent's ancestors, nearest first (to find cycles among equipment). */
  readonly ancestors: readonly string[];
  readonly workCenterId: string | null;
  readonly timeZone: string | null;
}

/** Where a node may be placed: the right kind of parent, no cycle, an agreeing work center, a real time zone. */
export function placementRules(c: PlaceContext): Violation[] {
  const out: Violation[] = [];
  if (c.existing && c.existing.level !== c.level) {
    out.push(violation('ALREADY_EXISTS', `'${c.id}' already exists as ${A[c.existing.level]}`, { field: 'id' }));
  }
  // Equipment placed by its workCenterId alone: the parent is that work center, and the field to name is the one sent.
  const parentField = c.level === 'equipment' && c.workCenterId !== null && c.parentId === c.workCenterId ? 'workCenterId' : 'parentId';
  const allowed = PARENT_LEVELS[c.level];
  if (allowed.length === 0 && c.parentId !== null) {
    out.push(violation('INVALID_FIELD', 'a site has no parent', { field: 'parentId' }));
  }
  if (allowed.length > 0) {
    if (c.parentId === null) out.push(violation('INVALID_FIELD', `${A[c.level]} needs a parent (${allowed.map((l) => A[l]).join(' or ')})`, { field: 'parentId' }));
    else if (!c.parent) out.push(violation('INVALID_FIELD', `${parentField === 'parentId' ? 'parent' : 'work center'} '${c.parentId}' does not exist`, { field: parentField, details: { reason: 'REFERENCE_NOT_FOUND' } }));
    else if (!allowed.includes(c.parent.level)) {
      out.push(violation('INVALID_FIELD', `'${c.parentId}' is ${A[c.parent.level]}; ${A[c.level]} belongs to ${allowed.map((l) => A[l]).join(' or ')}`, { field: parentField }));
    }
  }
  if (c.parentId !== null && (c.parentId === c.id || c.ancestors.includes(c.id))) {
    out.push(violation('INVALID_FIELD', `placing '${c.id}' below '${c.parentId}' would make a cycle`, { field: 'parentId', details: { reason: 'REFERENCE_CYCLE' } }));
  }
  if (c.level === 'equipment' && c.workCenterId !== null && c.parent && parentField === 'parentId') {
    const derived = c.parent.level === 'work_center' ? c.parent.id : c.parent.workCenterId;
    if (derived !== c.workCenterId) {
      out.push(violation('INVALID_FIELD', `workCenterId '${c.workCenterId}' disagrees with the parent's work center '${derived ?? 'none'}'`, { field: 'workCenterId' }));
    }
  }
  if (c.timeZone !== null && !isTimeZone(c.timeZone)) {
    out.push(violation('INVALID_FIELD', `'${c.timeZone}' is not an IANA time zone`, { field: 'timeZone' }));
  }
  return out;
}
