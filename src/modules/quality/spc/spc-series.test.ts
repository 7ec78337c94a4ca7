import { describe, expect, it } from 'vitest';
import type { InspectionResult } from '../inspections/inspection.repository.js';
import { defaultChart, seriesOf } from './spc-series.js';

let id = 0;
const result = (inspectionId: string, value: number | null, extra: Partial<InspectionResult> = {}): InspectionResult => ({
  id: ++id, inspectionId, position: 0, characteristicCode: 'X', operationId: 'op', workOrderId: 'WO-1', lotId: null, value,
  inSpec: true, lsl: null, usl: null, at: id, actor: 'a', ...extra,
});

describe('the chart of recorded results', () => {
  it('plots a measured characteristic as i-mr, or x̄-R with subgroups; an attribute one as p', () => {
    expect(defaultChart({ type: 'variable' })).toBe('i-mr');
    expect(defaultChart({ type: 'variable', subgroupSize: 5 })).toBe('xbar-r');
    expect(defaultChart({ type: 'attribute' })).toBe('p');
    expect(defaultChart({ type: 'variable', chart: 'xbar-s', subgroupSize: 5 })).toBe('xbar-s');
    expect(defaultChart(undefined)).toBe('i-mr');
  });

  it('i-mr: every measured value is a point, pass/fail results are left out', () => {
    const s = seriesOf('i-mr', [result('a', 1), result('a', 2), result('b', null), result('c', 3)], undefined, 0);
    expect(s.input).toEqual({ chart: 'i-mr', values: [1, 2, 3] });
    expect(s.last.map((r) => r.inspectionId)).toEqual(['a', 'a', 'c']);
  });

  it('x̄ charts without a subgroup size: the values of each inspection form a subgroup', () => {
    const s = seriesOf('xbar-r', [result('a', 1), result('a', 2), result('b', 3), result('b', 4)], undefined, 0);
    expect(s.input.subgroups).toEqual([[1, 2], [3, 4]]);
  });

  it('x̄ charts with a subgroup size: consecutive runs aligned on the whole history, an unfinished run left out', () => {
    const values = [1, 2, 3, 4, 5, 6, 7].map((v, i) => result(`i${i}`, v));
    expect(seriesOf('xbar-r', values, 3, 0).input.subgroups).toEqual([[1, 2, 3], [4, 5, 6]]);
    // Two values came before these: the first one closes that earlier subgroup.
    expect(seriesOf('xbar-r', values, 3, 2).input.subgroups).toEqual([[2, 3, 4], [5, 6, 7]]);
  });

  it('p and c charts: units out of spec are nonconforming, samples per work order or per subgroup size', () => {
    const units = [
      result('a', null, { inSpec: false }), result('b', null), result('c', 9, { inSpec: false, workOrderId: 'WO-2' }), result('d', 1, { workOrderId: 'WO-2' }),
      result('e', null, { workOrderId: 'WO-2', inSpec: false }),
    ];
    expect(seriesOf('p', units, undefined, 0).input).toEqual({ chart: 'p', defects: [1, 2], sizes: [2, 3] });
    expect(seriesOf('c', units, 2, 0).input).toEqual({ chart: 'c', defects: [1, 1] });
  });
});
