import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeStores, freshStore } from '../../../test/support/stores.js';
import { openStore, type Store } from './database.js';
import { migrateToLatest } from './migrator.js';
import { precompiled } from './precompiled.js';

const findSetting = precompiled((db, key: string) => db.selectFrom('settings').select(['key', 'value']).where('key', '=', key));
const putSetting = precompiled((db, key: string, value: string) => db.insertInto('settings').values({ key, value }));
const renameValue = precompiled((db, from: string, to: string) => db.updateTable('settings').set({ value: to }).where('value', '=', from));

describeStores('precompiled queries', (dialect) => {
  let store: Store;
  let release: () => Promise<void>;
  beforeEach(async () => {
    const fresh = await freshStore(dialect);
    release = fresh.release;
    store = openStore(fresh.config);
    await migrateToLatest(store);
  });
  afterEach(async () => {
    await store.close();
    await release();
  });

  it('runs with the values of each call, inside and outside a transaction', async () => {
    for (let i = 0; i < 3; i++) await putSetting(store.db, `k${i}`, `v${i}`);
    for (let i = 0; i < 3; i++) expect((await findSetting(store.db, `k${i}`)).rows).toEqual([{ key: `k${i}`, value: `v${i}` }]);
    await store.db.transaction().execute(async (tx) => {
      expect(Number((await renameValue(tx, 'v1', 'w1')).numAffectedRows)).toBe(1);
      expect((await findSetting(tx, 'k1')).rows).toEqual([{ key: 'k1', value: 'w1' }]);
    });
    expect(Number((await renameValue(store.db, 'nothing', 'x')).numAffectedRows)).toBe(0);
  });

  it('refuses a builder that puts an argument anywhere but a bound value', async () => {
    const bad = precompiled((db, column: string) => db.selectFrom('settings').select(sql.raw(String(column)).as('c')));
    await expect(bad(store.db, 'key')).rejects.toThrow(/bound value/);
  });
});
