import { violation, type Violation } from '../../../platform/errors/violation.js';

/** A downtime reason code in the reason tree. `planned` says whether the reason is a planned stop. */
export type ReasonNode = {
  readonly code: string;
  readonly name?: string;
  readonly parentCode?: string | null;
  readonly planned: boolean;
};

/** Reason nodes by code. */
export type ReasonIndex = ReadonlyMap<string, ReasonNode>;

/** Indexes reason nodes by code (a later duplicate wins; `validateReasonTree` reports duplicates). */
export const indexReasons = (nodes: readonly ReasonNode[]): ReasonIndex => new Map(nodes.map((n) => [n.code, n]));

/**
 * The chain from `code` up to its root: `[code, parent, grandparent, …]`. Unknown codes give `[code]`; a cycle
 * stops the walk at the first repeated code, so the function always terminates.
 */
export const reasonPath = (index: ReasonIndex, code: string): string[] => {
  const path = [code];
  const seen = new Set(path);
  let parent = index.get(code)?.parentCode ?? null;
  while (parent !== null && !seen.has(parent)) {
    path.push(parent);
    seen.add(parent);
    parent = index.get(parent)?.parentCode ?? null;
  }
  return path;
};

/** The parent of `code`, or `code` itself at the top of the tree or when unknown. */
export const parentReason = (index: ReasonIndex, code: string): string => reasonPath(index, code)[1] ?? code;

/** The root ancestor of `code` (itself when it has no parent). */
export const rootReason = (index: ReasonIndex, code: string): string => {
  const path = reasonPath(index, code);
  return path[path.length - 1] ?? code;
};

/**
 * Every field problem of a reason tree: empty or duplicate codes, unknown parents, parent cycles
 * (fields `[i].code`, `[i].parentCode`).
 */
export const validateReasonTree = (nodes: readonly ReasonNode[]): Violation[] => {
  const problems: Violation[] = [];
  const index = indexReasons(nodes);
  const seen = new Set<string>();
  nodes.forEach((n, i) => {
    if (typeof n.code !== 'string' || n.code.trim() === '') problems.push(violation('INVALID_FIELD', 'code is required', { field: `[${i}].code` }));
    else if (seen.has(n.code)) problems.push(violation('INVALID_FIELD', `reason code "${n.code}" is defined twice`, { field: `[${i}].code` }));
    seen.add(n.code);
    const parent = n.parentCode ?? null;
    if (parent === null) return;
    if (!index.has(parent)) {
      problems.push(violation('INVALID_FIELD', `unknown parent reason "${parent}"`, { field: `[${i}].parentCode` }));
      return;
    }
    // Walk up from the parent; meeting the node itself means a cycle.
    let cur: string | null = parent;
    const visited = new Set<string>();
    while (cur !== null && !visited.has(cur)) {
      if (cur === n.code) {
        problems.push(violation('INVALID_FIELD', `parent "${parent}" makes a cycle through "${n.code}"`, { field: `[${i}].parentCode` }));
        break;
      }
      visited.add(cur);
      cur = index.get(cur)?.parentCode ?? null;
    }
  });
  return problems;
};
