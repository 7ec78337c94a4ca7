import { describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../../platform/journal/journal.repository.js';
import { buildRecordContent } from './batch-record.builder.js';
import type { OrderSnapshot } from './batch-record.types.js';

/** An order of 100 kg in two operations; 0.5 kg of A per kg at 10 (tolerance 2 %), 0.1 kg of B per kg at 20 (5 %). */
const snapshot: OrderSnapshot = {
  id: 'WO-Y', materialId: 'MIX', revision: 1, quantity: 100, tolerance: 0.05, dueAt: null, createdAt: 0,
  operations: [{ id: 'WO-Y-10', seq: 10, name: 'Charge', workCenterId: 'WC-1' }, { id: 'WO-Y-20', seq: 20, name: 'Blend', workCenterId: 'WC-2' }],
  bom: [
    { line: 1, materialId: 'A', quantity: 0.5, uom: 'kg', operationSeq: 10, tolerance: 0.02 },
    { line: 2, materialId: 'B', quantity: 0.1, uom: 'kg', operationSeq: 20, tolerance: 0.05 },
  ],
};

let seq = 0;
function ev(action: string, entity: string, entityId: string, data: Record<string, unknown>): JournalEvent {
  seq += 1;
  return { seq, at: seq * 60_000, actor: 'op', action, entity, entityId, data, reason: null, hash: `h${seq}`, prevHash: `h${seq - 1}` };
}
const status = (action: string, to: string) => ev(action, 'work-order', 'WO-Y', { changes: { status: { after: to } } });
const consume = (op: string, lot: string, materialId: string, quantity: number) => ev('lot.consumed', 'lot', lot, { operationId: op, workOrderId: 'WO-Y', materialId, quantity });
const report = (op: string, good: number, scrap: number) => ev('operation.reported', 'operation', op, { workOrderId: 'WO-Y', good, scrap, scrapReason: scrap > 0 ? 'spill' : null });
const produce = (lot: string, quantity: number) => ev('lot.produced', 'lot', lot, { operationId: 'WO-Y-20', workOrderId: 'WO-Y', quantity });

/** A run of the order: A and B consumed, reports at both operations, output lots, completed unless told. */
function run(o: { a: number; b: number; good10: number; scrap10: number; good20: number; scrap20: number; lots: number[]; complete?: boolean }): JournalEvent[] {
  seq = 0;
  return [
    ev('work-order.created', 'work-order', 'WO-Y', { quantity: 100 }), status('work-order.released', 'released'), status('work-order.started', 'in_progress'),
    consume('WO-Y-10', 'L-A', 'A', o.a), report('WO-Y-10', o.good10, o.scrap10),
    consume('WO-Y-20', 'L-B', 'B', o.b), ...o.lots.map((q, i) => produce(`OUT-${i + 1}`, q)), report('WO-Y-20', o.good20, o.scrap20),
    ...(o.complete === false ? [] : [status('work-order.completed', 'completed')]),
  ];
}

describe('the yield of a batch record', () => {
  it('states actual against theoretical per operation and for the output, and reconciles each BOM line, with no exception when all agree', () => {
    const c = buildRecordContent(snapshot, run({ a: 49.5, b: 9.7, good10: 97, scrap10: 3, good20: 96, scrap20: 1, lots: [60, 36] }), 3);
    expect(c.yield).toEqual({
      theoretical: 100,
      operations: [{ operationId: 'WO-Y-10', seq: 10, name: 'Charge', good: 97, scrap: 3 }, { operationId: 'WO-Y-20', seq: 20, name: 'Blend', good: 96, scrap: 1 }],
      good: 96, scrap: 1, producedLots: 96, actualPercent: 96,
      materials: [
        { line: 1, materialId: 'A', uom: 'kg', operationSeq: 10, perUnit: 0.5, tolerance: 0.02, forPlanned: 50, output: 100, forOutput: 50, consumed: 49.5, difference: -0.5, withinTolerance: true },
        { line: 2, materialId: 'B', uom: 'kg', operationSeq: 20, perUnit: 0.1, tolerance: 0.05, forPlanned: 10, output: 97, forOutput: 9.7, consumed: 9.7, difference: 0, withinTolerance: true },
      ],
    });
    expect(c.exceptions.map((e) => e.kind)).toEqual(['scrap', 'scrap']);
  });

  it('rounds the actual yield half up to two decimals', () => {
    const c = buildRecordContent(snapshot, run({ a: 46.17, b: 9.234, good10: 93, scrap10: 0, good20: 92.335, scrap20: 0, lots: [92.335] }), 3);
    expect(c.yield?.actualPercent).toBe(92.34);
    expect(c.yield?.materials.map((m) => [m.forOutput, m.withinTolerance])).toEqual([[46.5, true], [9.2335, true]]);
  });

  it('lists output lots short of the good reported as an exception once the order is completed, at its completion', () => {
    const events = run({ a: 48, b: 9.6, good10: 96, scrap10: 0, good20: 96, scrap20: 0, lots: [60, 34] });
    const c = buildRecordContent(snapshot, events, 3);
    expect(c.yield).toMatchObject({ good: 96, producedLots: 94, actualPercent: 96 });
    const completion = events.at(-1)!;
    expect(c.exceptions).toEqual([{ kind: 'yield', seq: completion.seq, at: new Date(completion.at).toISOString(), actor: 'op', operationId: 'WO-Y-20', summary: 'output lots total 94, good reported at the last operation 96 (-2)', reason: null }]);
  });

  it('raises no yield exception while the order is not finished', () => {
    const c = buildRecordContent(snapshot, run({ a: 60, b: 9.6, good10: 96, scrap10: 0, good20: 96, scrap20: 0, lots: [90], complete: false }), 3);
    expect(c.yield?.materials[0]).toMatchObject({ consumed: 60, output: 96, forOutput: 48, difference: 12, withinTolerance: false });
    expect(c.exceptions).toEqual([]);
  });

  it('lists a material consumed beyond its tolerance for its operation\'s output, more or less, and not one within it', () => {
    // A: 49 against 48 is +2.08 %, beyond 2 %. B: 9.1 against 9.6 is -5.21 %, beyond 5 %.
    const over = buildRecordContent(snapshot, run({ a: 49, b: 9.1, good10: 96, scrap10: 0, good20: 96, scrap20: 0, lots: [96] }), 3);
    expect(over.yield?.materials.map((m) => [m.materialId, m.consumed, m.forOutput, m.difference, m.withinTolerance])).toEqual([['A', 49, 48, 1, false], ['B', 9.1, 9.6, -0.5, false]]);
    expect(over.exceptions.map((e) => [e.kind, e.operationId, e.summary])).toEqual([
      ['yield', 'WO-Y-10', 'A consumed 49 kg, the BOM asks 48 kg for the 96 units operation 10 put out (+2.08 %, tolerance 2 %)'],
      ['yield', 'WO-Y-20', 'B consumed 9.1 kg, the BOM asks 9.6 kg for the 96 units operation 20 put out (-5.21 %, tolerance 5 %)'],
    ]);
    // A: 48.96 against 48 is exactly +2 %, the edge of its tolerance; B: 9.12 is exactly -5 %.
    const within = buildRecordContent(snapshot, run({ a: 48.96, b: 9.12, good10: 96, scrap10: 0, good20: 96, scrap20: 0, lots: [96] }), 3);
    expect(within.yield?.materials.map((m) => m.withinTolerance)).toEqual([true, true]);
    expect(within.exceptions).toEqual([]);
  });

  it('counts the material of scrapped units as used: scrap is its own exception, not a reconciliation gap', () => {
    // 4 of the 100 units charged at 10 were scrapped; the 50 kg of A went into all 100.
    const c = buildRecordContent(snapshot, run({ a: 50, b: 9.6, good10: 96, scrap10: 4, good20: 96, scrap20: 0, lots: [96] }), 3);
    expect(c.yield?.materials[0]).toMatchObject({ output: 100, forOutput: 50, consumed: 50, difference: 0, withinTolerance: true });
    expect(c.exceptions.map((e) => e.kind)).toEqual(['scrap']);
  });

  it('has no yield section and no yield exception under rules 2', () => {
    const c = buildRecordContent(snapshot, run({ a: 60, b: 9.6, good10: 96, scrap10: 0, good20: 96, scrap20: 0, lots: [90] }), 2);
    expect('yield' in c).toBe(false);
    expect(c.exceptions).toEqual([]);
  });
});
