import { describe, expect, it } from 'vitest';
import type { Characteristic } from '../../product/index.js';
import { inspectionAllowed, inspectionInputProblems, judge, withinSpec } from './inspection.rules.js';

const dia: Characteristic = { code: 'DIA', name: 'Diameter', type: 'variable', lsl: 9.95, usl: 10.05, frequency: 'every', onFail: 'hold' };
const vis: Characteristic = { code: 'VIS', name: 'Visual', type: 'attribute', frequency: 'first', onFail: 'warn' };
const fieldsOf = (ch: Characteristic, input: Parameters<typeof inspectionInputProblems>[1]) => inspectionInputProblems(ch, input).map((v) => `${v.code}:${v.field}`);

describe('judging inspection results', () => {
  it('judges values inside the limits, limits included, as in spec', () => {
    expect(judge(dia, { values: [9.95, 10, 10.05, 9.9499, 10.0501] }).map((r) => r.inSpec)).toEqual([true, true, true, false, false]);
  });

  it('bounds only on the limits a characteristic has', () => {
    expect([withinSpec({ usl: 1 }, -1e9), withinSpec({ lsl: 1 }, 1e9), withinSpec({}, 42)]).toEqual([true, true, true]);
    expect([withinSpec({ usl: 1 }, 1.1), withinSpec({ lsl: 1 }, 0.9)]).toEqual([false, false]);
  });

  it('takes the verdict of an attribute characteristic as its one result', () => {
    expect(judge(vis, { pass: false })).toEqual([{ value: null, inSpec: false }]);
    expect(judge(vis, { pass: true })).toEqual([{ value: null, inSpec: true }]);
  });

  it('asks values of a variable characteristic and refuses pass, naming each field', () => {
    expect(fieldsOf(dia, { values: [10] })).toEqual([]);
    expect(fieldsOf(dia, { pass: true })).toEqual(['INVALID_FIELD:pass', 'INVALID_FIELD:values']);
    expect(fieldsOf(dia, { values: [] })).toEqual(['INVALID_FIELD:values']);
  });

  it('asks pass of an attribute characteristic and refuses values', () => {
    expect(fieldsOf(vis, { pass: false })).toEqual([]);
    expect(fieldsOf(vis, { values: [1] })).toEqual(['INVALID_FIELD:values', 'INVALID_FIELD:pass']);
  });

  it('refuses NaN and ±Infinity by index rather than judging them', () => {
    expect(fieldsOf(dia, { values: [10, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY] })).toEqual(['INVALID_FIELD:values[1]', 'INVALID_FIELD:values[2]', 'INVALID_FIELD:values[3]']);
  });
});

describe('when an inspection can be recorded', () => {
  const op = (status: 'ready' | 'running' | 'paused' | 'completed') => ({ id: 'op', seq: 10, status });
  const order = (status: 'created' | 'released' | 'in_progress' | 'on_hold' | 'completed' | 'cancelled' | 'closed') => ({ id: 'WO', status });

  it('takes results on running, paused and completed operations, held and completed orders included', () => {
    for (const s of ['in_progress', 'on_hold', 'completed'] as const) for (const o of ['running', 'paused', 'completed'] as const) expect(inspectionAllowed(order(s), op(o))).toEqual([]);
  });

  it('refuses before the operation started, and on an order not released, cancelled or closed', () => {
    const codes = (s: Parameters<typeof order>[0], o: Parameters<typeof op>[0]) => inspectionAllowed(order(s), op(o)).map((v) => v.code);
    expect(codes('released', 'ready')).toEqual(['OPERATION_NOT_RUNNING']);
    expect(codes('created', 'ready')).toEqual(['ORDER_NOT_RELEASED', 'OPERATION_NOT_RUNNING']);
    expect(codes('cancelled', 'running')).toEqual(['ORDER_CLOSED']);
    expect(codes('closed', 'completed')).toEqual(['ORDER_CLOSED']);
  });
});
