import { describe, expect, it } from 'vitest';
import { violation } from '../errors/violation.js';
import { seriesValue } from '../../../test/support/metrics.js';
import { TaktMetrics } from './metrics.js';


describe('Takt metrics', () => {
  it('counts commands by type and outcome and refusals once per violation code', async () => {
    const m = new TaktMetrics();
    m.observe('lot.consumed', 4, []);
    m.observe('lot.consumed', 6, [violation('LOT_ON_HOLD', 'held'), violation('LOT_EXPIRED', 'expired'), violation('LOT_ON_HOLD', 'again')]);
    const text = await m.text();
    expect(seriesValue(text, 'takt_commands_total{command="lot.consumed",outcome="accepted"}')).toBe(1);
    expect(seriesValue(text, 'takt_commands_total{command="lot.consumed",outcome="refused"}')).toBe(1);
    expect(seriesValue(text, 'takt_command_rejections_total{code="LOT_ON_HOLD",command="lot.consumed"}')).toBe(1);
    expect(seriesValue(text, 'takt_command_rejections_total{code="LOT_EXPIRED",command="lot.consumed"}')).toBe(1);
    expect(seriesValue(text, 'takt_command_duration_seconds_count{command="lot.consumed"}')).toBe(2);
    expect(seriesValue(text, 'takt_command_duration_seconds_sum{command="lot.consumed"}')).toBeCloseTo(0.01, 6);
  });

  it('lets a module register a counter once and count into it by label', async () => {
    const m = new TaktMetrics();
    const messages = m.counter('takt_sparkplug_messages_total', 'Sparkplug messages received', ['type']);
    messages.inc({ type: 'NDATA' });
    messages.inc({ type: 'NDATA' }, 2);
    m.counter('takt_sparkplug_messages_total', 'again', ['type']).inc({ type: 'NBIRTH' });
    m.counter('takt_things_total', 'unlabelled').inc(undefined, 5);
    const text = await m.text();
    expect(seriesValue(text, 'takt_sparkplug_messages_total{type="NDATA"}')).toBe(3);
    expect(seriesValue(text, 'takt_sparkplug_messages_total{type="NBIRTH"}')).toBe(1);
    expect(seriesValue(text, 'takt_things_total')).toBe(5);
  });

  it('refuses a metric name outside the takt_ namespace or taken by another kind', () => {
    const m = new TaktMetrics();
    expect(() => m.counter('messages_total', 'x')).toThrow(/must match/);
    m.gauge('takt_queue', 'q', [], async () => [{ value: 1 }]);
    expect(() => m.counter('takt_queue', 'x')).toThrow(/another kind/);
    expect(() => m.counter('takt_commands_total', 'x')).toThrow();
  });

  it('reads a gauge when scraped, and leaves it empty when the read fails', async () => {
    const m = new TaktMetrics();
    let backlog = 3;
    m.gauge('takt_backlog', 'b', ['status'], async () => [{ labels: { status: 'pending' }, value: backlog }]);
    m.gauge('takt_broken', 'b', ['status'], async () => Promise.reject(new Error('store closed')));
    expect(seriesValue(await m.text(), 'takt_backlog{status="pending"}')).toBe(3);
    backlog = 0;
    const text = await m.text();
    expect(seriesValue(text, 'takt_backlog{status="pending"}')).toBe(0);
    expect(text).toContain('# TYPE takt_broken gauge');
    expect(text.split('\n').filter((l) => l.startsWith('takt_broken'))).toEqual([]);
  });

  it('keeps two instances apart', async () => {
    const a = new TaktMetrics();
    const b = new TaktMetrics();
    a.observe('x.done', 1, []);
    expect(seriesValue(await b.text(), 'takt_commands_total{command="x.done",outcome="accepted"}')).toBeUndefined();
  });
});
