import { describe, expect, it } from 'vitest';
import type { Lot } from './lot.repository.js';
import { earliestExpiry } from './merge-lots.command.js';
import { mergeAllowed, splitAllowed } from './sublot.rules.js';

const NOW = 1_000_000;
const lot = (id: string, extra: Partial<Lot> = {}): Lot => ({
  id, materialId: 'RESIN', quantity: 10, initialQuantity: 10, status: 'released', expiresAt: null, supplierLot: null, workOrderId: null, createdAt: 0, ...extra,
});

describe('split and merge rules', () => {
  it('allows splitting part or all of a released or quarantined lot', () => {
    expect(splitAllowed({ parent: lot('A'), newLotId: 'B', newLotExists: false, quantity: 10, now: NOW })).toEqual([]);
    expect(splitAllowed({ parent: lot('A', { status: 'quarantine' }), newLotId: 'B', newLotExists: false, quantity: 1, now: NOW })).toEqual([]);
  });

  it('refuses a split for every reason at once', () => {
    const parent = lot('A', { status: 'on_hold', expiresAt: NOW, quantity: 2 });
    const found = splitAllowed({ parent, newLotId: 'A', newLotExists: true, quantity: 3, now: NOW }).map((v) => v.code);
    expect(found).toEqual(['ALREADY_EXISTS', 'INVALID_FIELD', 'LOT_ON_HOLD', 'LOT_EXPIRED', 'LOT_INSUFFICIENT_QUANTITY']);
  });

  it('refuses splitting a lot that is used up, rejected or expired by status', () => {
    for (const status of ['consumed', 'rejected'] as const) {
      expect(splitAllowed({ parent: lot('A', { status }), newLotId: 'B', newLotExists: false, quantity: 1, now: NOW }).map((v) => v.code)).toEqual(['LOT_NOT_RELEASED']);
    }
    expect(splitAllowed({ parent: lot('A', { status: 'expired' }), newLotId: 'B', newLotExists: false, quantity: 1, now: NOW }).map((v) => v.code)).toEqual(['LOT_EXPIRED']);
  });

  it('refuses a merge into a missing target and names each bad source by its position', () => {
    const sources = new Map([['S1', lot('S1', { materialId: 'DYE' })], ['S2', lot('S2', { quantity: 0 })]]);
    const found = mergeAllowed({ targetLotId: 'T', target: undefined, sourceLotIds: ['S1', 'S2', 'S3'], sources, now: NOW });
    expect(found.map((v) => `${v.field} ${v.code}`)).toEqual(['targetLotId LOT_NOT_FOUND', 'sourceLotIds[1] LOT_INSUFFICIENT_QUANTITY', 'sourceLotIds[2] LOT_NOT_FOUND']);
  });

  it('keeps the earliest expiry, ignoring lots that never expire', () => {
    expect(earliestExpiry([lot('A', { expiresAt: 5 }), lot('B'), lot('C', { expiresAt: 3 })])).toBe(3);
    expect(earliestExpiry([lot('A'), lot('B')])).toBeNull();
  });
});
