import { describe, expect, it } from 'vitest';
import { EARLIEST_EVENT_AT, parseStateEvent, validateStateEvent } from './state-event.validation.js';

const now = Date.parse('2024-06-03T10:00:00Z');

describe('validateStateEvent', () => {
  it('accepts a running event without reason at now', () => {
    expect(validateStateEvent({ state: 'running', at: now }, { now })).toEqual([]);
  });

  it('rejects an unknown state naming the field', () => {
    const problems = validateStateEvent({ state: 'sleeping', at: now }, { now });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'INVALID_FIELD', field: 'state' });
  });

  it('requires no reason by default: a stop without one is an unassigned stop', () => {
    expect(validateStateEvent({ state: 'down', at: now }, { now })).toEqual([]);
    expect(validateStateEvent({ state: 'planned_stop', reason: '  ', at: now }, { now })).toEqual([]);
    expect(validateStateEvent({ state: 'down', reason: 'JAM', at: now }, { now })).toEqual([]);
  });

  it('lets the reason requirement be configured', () => {
    expect(validateStateEvent({ state: 'down', at: now }, { now, reasonRequiredFor: ['down', 'planned_stop'] }).map((p) => p.field)).toEqual(['reason']);
    expect(validateStateEvent({ state: 'planned_stop', reason: '  ', at: now }, { now, reasonRequiredFor: ['planned_stop'] }).map((p) => p.field)).toEqual(['reason']);
    expect(validateStateEvent({ state: 'idle', at: now }, { now, reasonRequiredFor: ['idle'] })).toHaveLength(1);
  });

  it('rejects a reason code unknown to the reason tree when one is given', () => {
    const knownReasons = new Set(['JAM']);
    expect(validateStateEvent({ state: 'down', reason: 'JAM', at: now }, { now, knownReasons })).toEqual([]);
    expect(validateStateEvent({ state: 'down', reason: 'FOO', at: now }, { now, knownReasons })[0]?.field).toBe('reason');
  });

  it('tolerates 5 s of future skew by default and rejects more', () => {
    expect(validateStateEvent({ state: 'running', at: now + 5_000 }, { now })).toEqual([]);
    const problems = validateStateEvent({ state: 'running', at: now + 5_001 }, { now });
    expect(problems.map((p) => p.field)).toEqual(['at']);
    expect(validateStateEvent({ state: 'running', at: now + 20_000 }, { now, maxFutureSkewMs: 30_000 })).toEqual([]);
  });

  it('accepts events far in the past (backfill)', () => {
    expect(validateStateEvent({ state: 'running', at: now - 86_400_000 * 30 }, { now })).toEqual([]);
  });

  it('refuses a time before 2000-01-01 (an unset machine clock), naming at', () => {
    expect(validateStateEvent({ state: 'running', at: EARLIEST_EVENT_AT }, { now })).toEqual([]);
    for (const at of ['1999-12-31T23:59:59.999Z', '1969-12-31T23:59:59Z', '0001-01-01T00:00:00Z', '1970-01-01T00:00:00Z']) {
      expect(validateStateEvent({ state: 'running', at: Date.parse(at) }, { now }).map((p) => [p.code, p.field])).toEqual([['INVALID_FIELD', 'at']]);
    }
    expect(validateStateEvent({ state: 'running', at: 0 }, { now, earliestAt: -1 })).toEqual([]);
  });

  it('reports every problem at once', () => {
    const problems = validateStateEvent({ state: 'nope', at: Number.NaN }, { now });
    expect(problems.map((p) => p.field).sort()).toEqual(['at', 'state']);
  });
});

describe('parseStateEvent', () => {
  it('normalizes the reason: trimmed, empty as null', () => {
    expect(parseStateEvent({ state: 'down', reason: ' JAM ', at: now }, { now })).toEqual({
      ok: true,
      value: { state: 'down', reason: 'JAM', at: now },
    });
    expect(parseStateEvent({ state: 'idle', reason: '', at: now }, { now })).toEqual({
      ok: true,
      value: { state: 'idle', reason: null, at: now },
    });
  });

  it('returns the problems instead of throwing', () => {
    const r = parseStateEvent({ state: 'down', at: now }, { now, reasonRequiredFor: ['down'] });
    expect(r.ok).toBe(false);
  });
});
