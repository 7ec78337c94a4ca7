import { describe, expect, it } from 'vitest';
import { apiQuery, entityPage, eventData, filtersFromSearch, filtersProblem, filtersToSearch, firstPage, nextPage, NO_FILTERS, pageAfter, plantMidnight, previousPage, valueText } from './audit-view.js';

describe('audit trail view', () => {
  it('shows each changed field with its value before and after, then the event\'s other fields', () => {
    const d = eventData({ nonconformanceId: 'NC-7', changes: { status: { before: 'released', after: 'on_hold' }, quantity: { before: null, after: 12.5 } } });
    expect(d.changes).toEqual([{ field: 'status', before: 'released', after: 'on_hold' }, { field: 'quantity', before: '—', after: '12.5' }]);
    expect(d.fields).toEqual([{ field: 'nonconformanceId', value: 'NC-7' }]);
  });

  it('writes values as one line: none as a dash, lists joined, objects as JSON, and keeps a changes field of another shape as a field', () => {
    expect([null, undefined, '', 'x', 0, false, ['a', 'b'], [], { a: 1 }, [{ a: 1 }]].map(valueText)).toEqual(['—', '—', '—', 'x', '0', 'false', 'a, b', '[]', '{"a":1}', '[{"a":1}]']);
    expect(eventData({ changes: ['status'], lotId: 'L1' })).toEqual({ changes: [], fields: [{ field: 'changes', value: 'status' }, { field: 'lotId', value: 'L1' }] });
    expect(eventData({ meanings: { before: ['approved'], after: ['approved', 'reviewed'] } }).fields).toEqual([{ field: 'meanings', value: '{"before":["approved"],"after":["approved","reviewed"]}' }]);
    expect(eventData({ changes: { meanings: { before: ['approved'], after: ['approved', 'reviewed'] } } }).changes).toEqual([{ field: 'meanings', before: 'approved', after: 'approved, reviewed' }]);
  });

  it('takes the plant\'s midnight for a date, across a change of clocks, and the end of the "to" day', () => {
    expect(new Date(plantMidnight('2026-11-26', 'Europe/Berlin')!).toISOString()).toBe('2026-11-25T23:00:00.000Z');
    expect(new Date(plantMidnight('2026-07-01', 'Europe/Berlin')!).toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(new Date(plantMidnight('2026-03-29', 'Europe/Berlin')!).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(new Date(plantMidnight('2026-10-25', 'Europe/Berlin', 1)!).toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect(new Date(plantMidnight('2026-11-26', 'America/Chicago')!).toISOString()).toBe('2026-11-26T06:00:00.000Z');
    expect(plantMidnight('26.11.2026', 'UTC')).toBeNull();
    const q = apiQuery({ ...NO_FILTERS, entity: ' lot ', actor: 'olga', action: 'lot.held', from: '2026-11-26', to: '2026-11-26' }, 'Europe/Berlin');
    expect(Object.fromEntries(q)).toEqual({ entity: 'lot', actor: 'olga', action: 'lot.held', from: '2026-11-25T23:00:00.000Z', to: '2026-11-26T23:00:00.000Z' });
    expect(apiQuery(NO_FILTERS, 'UTC').toString()).toBe('');
  });

  it('keeps the filters in the page address and refuses a window that ends before it starts', () => {
    const f = { ...NO_FILTERS, entity: 'work-order', entityId: 'WO 1/2', from: '2026-11-01' };
    expect(filtersToSearch(f)).toBe('?entity=work-order&entityId=WO+1%2F2&from=2026-11-01');
    expect(filtersFromSearch(filtersToSearch(f))).toEqual(f);
    expect(filtersFromSearch('?bogus=1')).toEqual(NO_FILTERS);
    expect(filtersToSearch(NO_FILTERS)).toBe('');
    expect(filtersProblem({ ...NO_FILTERS, from: '2026-11-02', to: '2026-11-01' })).toBe('window');
    expect(filtersProblem({ ...NO_FILTERS, from: '2026-11-01', to: '2026-11-01' })).toBeNull();
  });

  it('links orders, batch records and lots to their pages, and pages on by the last seq shown', () => {
    expect(['work-order', 'batch-record', 'lot', 'material', 'constructor'].map(entityPage)).toEqual(['order', 'record', 'lot', null, null]);
    const two = nextPage(firstPage, 50);
    expect([pageAfter(firstPage), pageAfter(two), pageAfter(nextPage(two, 100)), pageAfter(previousPage(two)), pageAfter(previousPage(firstPage))]).toEqual([0, 50, 100, 0, 0]);
  });
});
