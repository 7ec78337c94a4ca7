import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeStores } from '../../../../test/support/stores.js';
import { startTestTakt, type TestTakt } from '../../../../test/support/takt.js';
import { pruneHistory } from './retention.commands.js';
import { SYSTEM_ACTOR } from '../../../platform/auth/roles.js';
import { insertHistory, type HistoryRow } from './history.repository.js';

const DAY = 86_400_000;

describeStores('process history retention', (dialect) => {
  let t: TestTakt;
  let ids: number[] = [];
  const now = Date.now();

  beforeAll(async () => {
    t = await startTestTakt(dialect);
    const db = t.takt.store.db;
    await db.insertInto('machine_series').values(['A', 'B'].map((metric) => ({ protocol: 'sparkplug', node: 'G/N', device: 'D', metric, equipment_id: null, first_seen_at: 0 }))).execute();
    ids = (await db.selectFrom('machine_series').select('id').orderBy('id').execute()).map((r) => Number(r.id));
  });
  afterAll(() => t.close());

  /** Rows of every series, one per listed age in days (three rows at the same instant for age 40). */
  async function fill(ages: readonly number[]): Promise<void> {
    const rows: HistoryRow[] = [];
    for (const seriesId of ids) {
      for (const age of ages) rows.push({ seriesId, ts: now - age * DAY, value: age, textValue: null, flags: 0 });
      rows.push({ seriesId, ts: now - 40 * DAY, value: 1, textValue: null, flags: 0 }, { seriesId, ts: now - 40 * DAY, value: 2, textValue: null, flags: 0 });
    }
    await insertHistory(t.takt.store.db, rows);
  }
  const ages = async (): Promise<number[]> =>
    (await t.takt.store.db.selectFrom('process_history').select('ts').where('series_id', '=', ids[0] as number).orderBy('ts').execute()).map((r) => Math.round((now - Number(r.ts)) / DAY));
  const pruned = async () => (await t.call('GET', '/api/v1/journal?entity=machine-history&entityId=retention&limit=100')).body.events.filter((e: { action: string }) => e.action === 'machine-history.pruned');

  it('keeps everything by default: a prune run deletes nothing and journals nothing', async () => {
    await fill([400, 100, 40, 5, 0]);
    expect((await t.call('GET', '/api/v1/machines/history-retention')).body).toEqual({ days: 0 });
    expect(await t.takt.housekeeping.runNow('process-history')).toBe(0);
    expect(await ages()).toEqual([400, 100, 40, 40, 40, 5, 0]);
    expect(await pruned()).toEqual([]);
  });

  it('lets only an administrator set the retention, refuses a bad value naming the field, and journals the change', async () => {
    expect((await t.call('PUT', '/api/v1/machines/history-retention', { as: 'engineer', body: { days: 30 } })).status).toBe(403);
    const bad = await t.call('PUT', '/api/v1/machines/history-retention', { body: { days: -1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.violations[0].field).toBe('days');
    expect((await t.call('PUT', '/api/v1/machines/history-retention', { body: { days: 30 } })).body).toEqual({ days: 30 });
    const changed = (await t.call('GET', '/api/v1/journal?entity=machine-history&entityId=retention')).body.events.map((e: { action: string; data: unknown }) => [e.action, e.data]);
    expect(changed).toContainEqual(['machine-history-retention.changed', { changes: { days: { before: 0, after: 30 } } }]);
  });

  it('deletes exactly the rows older than the retention, of every series, and journals the run with its count', async () => {
    expect(await t.takt.housekeeping.runNow('process-history')).toBe(2 * 5);
    expect(await ages()).toEqual([5, 0]);
    const [event] = await pruned();
    expect(event.data).toMatchObject({ days: 30, rows: 10, series: 2 });
    expect(Date.parse(event.data.before)).toBeGreaterThan(now - 30 * DAY - 60_000);
  });

  it('works through a long backlog in bounded runs, never splitting the rows of one instant', async () => {
    await fill([400, 300, 200, 100, 40, 5]);
    const run = async () => {
      const r = await t.takt.runner.run(pruneHistory, { perSeries: 2 }, { actor: SYSTEM_ACTOR });
      return r.kind === 'applied' ? r.result : undefined;
    };
    expect(await run()).toMatchObject({ rows: 4, more: true });
    expect(await ages()).toEqual([200, 100, 40, 40, 40, 5, 5, 0]);
    expect(await run()).toMatchObject({ rows: 4, more: true });
    // The 2nd oldest row left is one of the three at 40 days: all three go with it.
    expect(await run()).toMatchObject({ rows: 6, more: true });
    expect(await run()).toMatchObject({ rows: 0, more: false });
    expect(await ages()).toEqual([5, 5, 0]);
  });
});
