import { expect, it } from 'vitest';
import { describeStores, useMigratedStore } from '../../../../test/support/stores.js';
import { HISTORICAL, insertHistory, NULL_VALUE, STALE, type HistoryRow } from './history.repository.js';

describeStores('process history insert', (dialect) => {
  const store = useMigratedStore(dialect);

  it('stores every row of a batch spanning several statements exactly, values, texts, nulls and flags alike', async () => {
    // 4,503 rows: two full 2,000-row statements and one of 503, so both statement texts are used.
    const rows: HistoryRow[] = Array.from({ length: 4503 }, (_, i) => {
      const kind = i % 4;
      return {
        seriesId: 1 + (i % 7), ts: 1_700_000_000_000 + i,
        value: kind === 0 ? 20 + i / 1000 : kind === 1 ? 2 ** 53 - 1 : null,
        textValue: kind === 2 ? `alarm 'x' ${i}` : null,
        flags: kind === 3 ? NULL_VALUE | HISTORICAL : kind === 2 ? STALE : 0,
      };
    });
    await store().db.transaction().execute((tx) => insertHistory(tx, rows));
    const back = await store().db.selectFrom('process_history').select(['series_id', 'ts', 'value', 'text_value', 'flags']).orderBy('ts').execute();
    expect(back).toHaveLength(4503);
    expect(back.map((r) => ({ seriesId: Number(r.series_id), ts: Number(r.ts), value: r.value === null ? null : Number(r.value), textValue: r.text_value, flags: r.flags })))
      .toEqual(rows);
  });

  it('writes nothing for an empty batch', async () => {
    const before = await store().db.selectFrom('process_history').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await insertHistory(store().db, []);
    const after = await store().db.selectFrom('process_history').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
