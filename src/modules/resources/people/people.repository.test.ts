import { expect, it } from 'vitest';
import { describeStores, useMigratedStore } from '../../../../test/support/stores.js';
import { findPrincipals, insertPerson } from './people.repository.js';

describeStores('principals of several people in one read', (dialect) => {
  const store = useMigratedStore(dialect);

  it('answers each ask in the order asked: its person with every role, whether its setting exists, undefined for an unknown id', async () => {
    const db = store().db;
    await insertPerson(db, { id: 'ana', name: 'Ana', passwordHash: null, roles: ['operator', 'quality'] }, 1);
    await insertPerson(db, { id: 'ben', name: 'Ben', passwordHash: null, roles: [] }, 1);
    await db.insertInto('settings').values({ key: 'session-ended:s-1', value: '1' }).execute();

    const asks = [
      { id: 'ben', setting: '' },
      { id: 'ana', setting: 'session-ended:s-1' },
      { id: 'nobody', setting: '' },
      { id: 'ana', setting: 'session-ended:s-2' },
    ];
    const found = await findPrincipals(db, asks);
    expect(found).toEqual([
      { id: 'ben', name: 'Ben', roles: [], active: true, locked: false, tokenEpoch: 0, settingExists: false },
      { id: 'ana', name: 'Ana', roles: ['operator', 'quality'], active: true, locked: false, tokenEpoch: 0, settingExists: true },
      undefined,
      { id: 'ana', name: 'Ana', roles: ['operator', 'quality'], active: true, locked: false, tokenEpoch: 0, settingExists: false },
    ]);
    // One ask alone answers the same as in company.
    expect(await findPrincipals(db, [asks[1] as (typeof asks)[number]])).toEqual([found[1]]);
  });
});
