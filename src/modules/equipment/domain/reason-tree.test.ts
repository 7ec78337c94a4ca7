import { describe, expect, it } from 'vitest';
import { indexReasons, parentReason, reasonPath, rootReason, validateReasonTree, type ReasonNode } from './reason-tree.js';

const tree: ReasonNode[] = [
  { code: 'MECH', name: 'Mechanical', planned: false },
  { code: 'MOTOR', name: 'Motor', parentCode: 'MECH', planned: false },
  { code: 'BEARING', parentCode: 'MOTOR', planned: false },
  { code: 'PLANNED', planned: true },
  { code: 'MEETING', parentCode: 'PLANNED', planned: true },
];

describe('reason tree', () => {
  const index = indexReasons(tree);

  it('walks from a reason to its root', () => {
    expect(reasonPath(index, 'BEARING')).toEqual(['BEARING', 'MOTOR', 'MECH']);
    expect(parentReason(index, 'BEARING')).toBe('MOTOR');
    expect(rootReason(index, 'BEARING')).toBe('MECH');
    expect(parentReason(index, 'MECH')).toBe('MECH');
    expect(rootReason(index, 'UNKNOWN')).toBe('UNKNOWN');
  });

  it('terminates on a cycle', () => {
    const cyclic = indexReasons([{ code: 'A', parentCode: 'B', planned: false }, { code: 'B', parentCode: 'A', planned: false }]);
    expect(reasonPath(cyclic, 'A')).toEqual(['A', 'B']);
  });

  it('accepts a sound tree and reports duplicates, unknown parents and cycles', () => {
    expect(validateReasonTree(tree)).toEqual([]);
    const bad: ReasonNode[] = [
      { code: 'A', parentCode: 'B', planned: false },
      { code: 'B', parentCode: 'A', planned: false },
      { code: 'C', parentCode: 'NOPE', planned: false },
      { code: 'C', planned: false },
      { code: '', planned: false },
    ];
    expect(validateReasonTree(bad).map((p) => p.field)).toEqual(['[0].parentCode', '[1].parentCode', '[2].parentCode', '[3].code', '[4].code']);
  });
});
