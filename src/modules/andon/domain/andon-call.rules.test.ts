import { describe, expect, it } from 'vitest';
import { raisedCall } from './andon-call.js';
import { raiseAllowed, raiseReferences, type RaiseContext } from './andon-call.rules.js';
import { summarize } from './andon-summary.js';

const ctx = (over: Partial<RaiseContext> = {}): RaiseContext => ({
  workCenterId: 'WC-1', kind: 'material', workCenter: { level: 'work_center' }, equipmentId: null, equipment: undefined, operationId: null, operation: undefined, active: undefined, ...over,
});
const codes = (vs: readonly { code: string; field?: string }[]) => vs.map((v) => `${v.code}:${v.field ?? ''}`);

describe('raising an andon call', () => {
  it('takes equipment directly below the work center or assigned to it, and an operation of it', () => {
    const child = { level: 'equipment', workCenterId: null, parentId: 'WC-1' };
    const assigned = { level: 'equipment', workCenterId: 'WC-1', parentId: 'LINE-1' };
    const op = { workCenterId: 'WC-1', workOrderId: 'WO-1' };
    expect(raiseAllowed(ctx({ equipmentId: 'EQ-1', equipment: child, operationId: 'OP-1', operation: op }))).toEqual([]);
    expect(raiseAllowed(ctx({ equipmentId: 'EQ-1', equipment: assigned }))).toEqual([]);
  });

  it('names every reason at once: equipment elsewhere or not equipment, an operation elsewhere, an active call of the kind', () => {
    const active = raisedCall('ANDON-7', { workCenterId: 'WC-1', kind: 'material', equipmentId: null, operationId: null, workOrderId: null, note: null, raisedAt: 0, raisedBy: 'ann' });
    const out = raiseAllowed(ctx({ equipmentId: 'A', equipment: { level: 'area', workCenterId: null, parentId: 'S' }, operationId: 'OP-2', operation: { workCenterId: 'WC-2', workOrderId: 'WO-2' }, active }));
    expect(codes(out)).toEqual(['EQUIPMENT_NOT_IN_WORK_CENTER:equipmentId', 'OPERATION_NOT_IN_WORK_CENTER:operationId', 'ANDON_CALL_ACTIVE:kind']);
    expect(out[2]?.details).toMatchObject({ callId: 'ANDON-7', status: 'open' });
  });

  it('finds unknown references by field, and a node that is no work center unknown as one', () => {
    expect(codes(raiseReferences(ctx({ workCenter: undefined, equipmentId: 'X', operationId: 'Y' })))).toEqual(['NOT_FOUND:workCenterId', 'NOT_FOUND:equipmentId', 'NOT_FOUND:operationId']);
    expect(codes(raiseReferences(ctx({ workCenter: { level: 'area' } })))).toEqual(['NOT_FOUND:workCenterId']);
    expect(raiseReferences(ctx())).toEqual([]);
  });
});

describe('andon summary per work center', () => {
  const base = { equipmentId: null, operationId: null, workOrderId: null, note: null, raisedBy: 'ann' } as const;
  it('counts active calls as they stand, ages the oldest, and averages only the answered calls of the period', () => {
    const open = raisedCall('ANDON-1', { ...base, workCenterId: 'WC-1', kind: 'material', raisedAt: 1_000 });
    const taken = { ...raisedCall('ANDON-2', { ...base, workCenterId: 'WC-1', kind: 'quality', raisedAt: 4_000 }), status: 'acknowledged' as const };
    const totals = [
      { workCenterId: 'WC-2', raised: 3, acknowledged: 2, resolved: 1, cancelled: 1, acknowledgeMsSum: 30_000, resolveMsSum: 90_000 },
      { workCenterId: 'WC-1', raised: 2, acknowledged: 1, resolved: 0, cancelled: 0, acknowledgeMsSum: 5_000, resolveMsSum: 0 },
    ];
    expect(summarize([open, taken], totals, 61_000)).toEqual([
      {
        workCenterId: 'WC-1', active: { open: 1, acknowledged: 1, total: 2, oldestRaisedAt: 1_000, oldestAgeMs: 60_000 },
        period: { raised: 2, acknowledged: 1, resolved: 0, cancelled: 0, meanTimeToAcknowledgeMs: 5_000, meanTimeToResolveMs: null },
      },
      {
        workCenterId: 'WC-2', active: { open: 0, acknowledged: 0, total: 0, oldestRaisedAt: null, oldestAgeMs: null },
        period: { raised: 3, acknowledged: 2, resolved: 1, cancelled: 1, meanTimeToAcknowledgeMs: 15_000, meanTimeToResolveMs: 90_000 },
      },
    ]);
  });
});
