import { describe, expect, it } from 'vitest';
import { buildTrace, traceEdge, type ReachedLot } from './trace-graph.js';
import { printTrace } from './trace.cli.js';

const consume = (from: string, to: string, quantity: number, order: string) => traceEdge(from, to, quantity, order, 'consume');

describe('printing a trace', () => {
  // FG made from SUB and RAW-1; SUB made from RAW-1 and a sublot of RAW-2.
  const reached: ReachedLot[] = [
    { lotId: 'FG', materialId: 'BIKE', edges: [consume('SUB', 'FG', 1, 'WO-2'), consume('RAW-1', 'FG', 2, 'WO-2')] },
    { lotId: 'SUB', materialId: 'FRAME', edges: [consume('RAW-1', 'SUB', 3, 'WO-1'), consume('RAW-2a', 'SUB', 0.5, 'WO-1')] },
    { lotId: 'RAW-1', materialId: 'STEEL', edges: [] },
    { lotId: 'RAW-2a', materialId: 'PAINT', edges: [traceEdge('RAW-2', 'RAW-2a', 5, '', 'split')] },
    { lotId: 'RAW-2', materialId: 'PAINT', edges: [] },
  ];
  const trace = buildTrace('FG', 'backward', reached);

  it('draws an indented tree, printing a lot met again once and marking the repeat', () => {
    expect(printTrace(trace, { json: false })).toBe(
      [
        'Backward trace of lot FG: 5 lots, 5 edges',
        'FG (BIKE)',
        '├─ RAW-1 (STEEL)  ← 2 in WO-2',
        '└─ SUB (FRAME)  ← 1 in WO-2',
        '   ├─ RAW-1 (STEEL)  ← 3 in WO-1  (see above)',
        '   └─ RAW-2a (PAINT)  ← 0.5 in WO-1',
        '      └─ RAW-2 (PAINT)  ← 5 split',
        '',
      ].join('\n'),
    );
  });

  it('ends a rework loop and prints the recall scope of a forward trace', () => {
    const loop = buildTrace('A', 'forward', [
      { lotId: 'A', materialId: 'M', edges: [consume('A', 'B', 1, 'WO-R')] },
      { lotId: 'B', materialId: 'M', edges: [consume('B', 'A', 1, 'WO-R'), consume('B', 'C', 1, 'WO-R')] },
      { lotId: 'C', materialId: null, edges: [] },
    ]);
    expect(printTrace(loop, { json: false }).split('\n')).toEqual([
      'Forward trace of lot A: 3 lots, 3 edges',
      'A (M)',
      '└─ B (M)  → 1 in WO-R',
      '   ├─ A (M)  → 1 in WO-R  (see above)',
      '   └─ C (unknown material)  → 1 in WO-R',
      '',
      'Recall scope: 3 lots',
      '  end lots, finished goods or stock not used yet (1): C',
      '  work orders (1): WO-R',
      '',
    ]);
  });

  it('prints the API answer as JSON with --json', () => {
    expect(JSON.parse(printTrace(trace, { json: true }))).toEqual(JSON.parse(JSON.stringify(trace)));
  });
});
