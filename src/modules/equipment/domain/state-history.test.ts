import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EQUIPMENT_STATES, type StateEvent, type StateInterval } from './equipment-state.js';
import { applyStateEvent, coalesceIntervals, historyFromEvents, historyIssues, recordStateEvent } from './state-history.js';

const ev = (state: StateEvent['state'], at: number, reason: string | null = null): StateEvent => ({ state, reason, at });
const iv = (state: StateInterval['state'], from: number, to: number | null, reason: string | null = null): StateInterval => ({
  state,
  reason,
  from,
  to,
});

describe('applyStateEvent', () => {
  it('opens the history with an open interval', () => {
    const r = applyStateEvent([], ev('running', 0));
    expect(r.history).toEqual([iv('running', 0, null)]);
    expect(r.added).toEqual([iv('running', 0, null)]);
    expect(r.removed).toEqual([]);
  });

  it('closes the open interval when a newer event arrives', () => {
    const r = applyStateEvent([iv('running', 0, null)], ev('down', 10, 'JAM'));
    expect(r.history).toEqual([iv('running', 0, 10), iv('down', 10, null, 'JAM')]);
    expect(r.removed).toEqual([iv('running', 0, null)]);
    expect(r.added).toEqual([iv('running', 0, 10), iv('down', 10, null, 'JAM')]);
  });

  it('inserts a late event in order and re-cuts only the interval it falls into', () => {
    const history = [iv('running', 0, 10), iv('down', 10, 20, 'JAM'), iv('running', 20, null)];
    const r = applyStateEvent(history, ev('idle', 5));
    expect(r.history).toEqual([iv('running', 0, 5), iv('idle', 5, 10), iv('down', 10, 20, 'JAM'), iv('running', 20, null)]);
    expect(r.removed).toEqual([iv('running', 0, 10)]);
    expect(r.added).toEqual([iv('running', 0, 5), iv('idle', 5, 10)]);
  });

  it('replaces the event at the same instant (last writer wins)', () => {
    const history = [iv('running', 0, 10), iv('down', 10, 20, 'JAM'), iv('running', 20, null)];
    const r = applyStateEvent(history, ev('setup', 10));
    expect(r.history).toEqual([iv('running', 0, 10), iv('setup', 10, 20), iv('running', 20, null)]);
    expect(r.removed).toEqual([iv('down', 10, 20, 'JAM')]);
    expect(r.added).toEqual([iv('setup', 10, 20)]);
  });

  it('treats the very same event sent twice as no change', () => {
    const history = [iv('running', 0, 10), iv('down', 10, null, 'JAM')];
    const r = applyStateEvent(history, ev('down', 10, 'JAM'));
    expect(r.history).toBe(history);
    expect(r.added).toEqual([]);
    expect(r.removed).toEqual([]);
  });

  it('opens an interval before the first one up to the first event', () => {
    const r = applyStateEvent([iv('running', 0, null)], ev('offline', -50));
    expect(r.history).toEqual([iv('offline', -50, 0), iv('running', 0, null)]);
  });

  it('keeps a repeated state as a boundary so a later backfill stops at it', () => {
    // running@0, running@5 (repeat), then a late down@3: the stop lasts 3..5, not forever.
    let h: readonly StateInterval[] = [];
    for (const e of [ev('running', 0), ev('running', 5), ev('down', 3, 'JAM')]) h = applyStateEvent(h, e).history;
    expect(h).toEqual([iv('running', 0, 3), iv('down', 3, 5, 'JAM'), iv('running', 5, null)]);
  });

  it('never modifies its input', () => {
    const history = Object.freeze([Object.freeze(iv('running', 0, null))]);
    expect(() => applyStateEvent(history, ev('down', 5, 'X'))).not.toThrow();
    expect(history).toEqual([iv('running', 0, null)]);
  });

  it('gives the same history whatever order distinct events arrive in', () => {
    const events = fc.uniqueArray(
      fc.record({ at: fc.integer({ min: 0, max: 1000 }), state: fc.constantFrom(...EQUIPMENT_STATES), reason: fc.constantFrom(null, 'A', 'B') }),
      { selector: (e) => e.at, minLength: 1, maxLength: 30 },
    );
    const withArrival = events.chain((list) =>
      fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length })),
    );
    fc.assert(
      fc.property(withArrival, ([list, arrival]) => {
        let h: readonly StateInterval[] = [];
        for (const e of arrival) {
          const before = h;
          const change = applyStateEvent(h, e);
          h = change.history;
          // removed ∪ kept = before, kept ∪ added = after
          const kept = before.filter((x) => !change.removed.includes(x));
          expect([...kept, ...change.added].sort((a, b) => a.from - b.from)).toEqual(h);
          expect(historyIssues(h)).toEqual([]);
        }
        expect(h).toEqual(historyFromEvents(list));
        expect(h).toHaveLength(list.length);
      }),
    );
  });
});

describe('recordStateEvent', () => {
  it('refuses an invalid event with field problems and changes nothing', () => {
    const r = recordStateEvent([], { state: 'down', at: 0 }, { now: 0, earliestAt: 0, reasonRequiredFor: ['down'] });
    expect(r).toEqual({ ok: false, problems: [expect.objectContaining({ field: 'reason', code: 'INVALID_FIELD' })] });
  });

  it('applies a valid event', () => {
    const r = recordStateEvent([], { state: 'down', reason: 'JAM', at: 0 }, { now: 0, earliestAt: 0 });
    expect(r.ok && r.history).toEqual([iv('down', 0, null, 'JAM')]);
  });
});

describe('historyIssues', () => {
  it('reports gaps, empty intervals and an open interval in the middle', () => {
    expect(historyIssues([iv('running', 0, 10), iv('idle', 12, 12), iv('down', 20, null, 'X'), iv('idle', 30, null)])).toHaveLength(4);
  });
});

describe('coalesceIntervals', () => {
  it('merges neighbours with the same state and reason and returns the input when nothing merges', () => {
    const h = [iv('running', 0, 5), iv('running', 5, 9), iv('down', 9, 12, 'A'), iv('down', 12, null, 'B')];
    expect(coalesceIntervals(h)).toEqual([iv('running', 0, 9), iv('down', 9, 12, 'A'), iv('down', 12, null, 'B')]);
    const plain = [iv('running', 0, 5), iv('idle', 5, null)];
    expect(coalesceIntervals(plain)).toBe(plain);
  });
});
