import { beforeAll, expect, it } from 'vitest';
import { describeStores, useMigratedStore } from '../../../test/support/stores.js';
import { onPostgres, type Store } from './database.js';
import { precompiled } from './precompiled.js';
import { mapRead, readTogether, runRead } from './read-together.js';

const lotsOf = precompiled((db, material: string) => db.selectFrom('lots').selectAll().where('material_id', '=', material).orderBy('id', 'desc'));
const lotById = precompiled((db, id: string) => db.selectFrom('lots').select(['id', 'quantity', 'expires_at', 'supplier_lot']).where('id', '=', id));
const totalOf = precompiled((db, material: string, status: string) =>
  db.selectFrom('lots').select((eb) => eb.fn.sum<number>('quantity').as('q')).where('material_id', '=', material).where('status', '=', status));

describeStores('reads together', (dialect) => {
  const storeOf = useMigratedStore(dialect);
  let store: Store;
  beforeAll(async () => {
    store = storeOf();
    await store.db.insertInto('materials').values({ id: 'M', name: 'M', uom: 'kg', lot_controlled: 1, shelf_life_days: null, created_at: 1, updated_at: 1 }).execute();
    const lot = (id: string, quantity: number, expires: number | null, supplier: string | null) => ({
      id, material_id: 'M', quantity, initial_quantity: quantity, status: 'released', expires_at: expires, supplier_lot: supplier, work_order_id: null, created_at: 1, version: 0,
    });
    await store.db.insertInto('lots').values([
      lot('L-1', 0.1 + 0.2, Number.MAX_SAFE_INTEGER, null), lot('L-2', 1e-7, null, 'S-2'), lot('L-3', 123_456_789.123456, 1_790_000_000_000, 'O\'Brien "quoted" ü'),
    ]).execute();
  });

  it('answers each read exactly as it answers alone: doubles, 64-bit times, nulls, text, order, an empty result', async () => {
    const reads = [
      lotsOf.read('M'), lotById.read('L-3'), mapRead(totalOf.read('M', 'released'), (rows) => Number(rows[0]?.q)), lotById.read('nothing'), lotsOf.read('M'),
    ] as const;
    const alone: unknown[] = [];
    for (const r of reads) alone.push(await runRead<unknown>(store.db, r));
    const together = await readTogether(store.db, reads);
    expect(together).toEqual(alone);
    expect(together[0].map((l) => l.id)).toEqual(['L-3', 'L-2', 'L-1']);
    expect(together[0].find((l) => l.id === 'L-1')).toMatchObject({ quantity: 0.1 + 0.2, expires_at: Number.MAX_SAFE_INTEGER, supplier_lot: null });
    expect(together[1]).toEqual([{ id: 'L-3', quantity: 123_456_789.123456, expires_at: 1_790_000_000_000, supplier_lot: 'O\'Brien "quoted" ü' }]);
    expect(together[2]).toBe(0.1 + 0.2 + 1e-7 + 123_456_789.123456);
    expect(together[3]).toEqual([]);
  });

  it('sees what the transaction wrote before it, and goes to PostgreSQL as one statement', async () => {
    let statements = 0;
    const counting = new Proxy(store.db, {
      get: (target, key) => {
        if (key === 'executeQuery') return (...a: Parameters<typeof target.executeQuery>) => ((statements += 1), target.executeQuery(...a));
        const value: unknown = Reflect.get(target, key);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    await store.db.transaction().execute(async (tx) => {
      await tx.updateTable('lots').set({ quantity: 5 }).where('id', '=', 'L-2').execute();
      const [one, two, three] = await readTogether(tx, [lotById.read('L-2'), lotById.read('L-1'), lotById.read('L-3')]);
      expect([one[0]?.quantity, two[0]?.id, three[0]?.id]).toEqual([5, 'L-1', 'L-3']);
    });
    // Parameters past $9 are renumbered as whole numbers ($1 of the eleventh read is $11, not $1 followed by 1).
    const many = Array.from({ length: 12 }, (_, i) => lotById.read(`L-${(i % 3) + 1}`));
    const answers = await readTogether(counting, many);
    expect(answers.map((a) => a[0]?.id)).toEqual(many.map((_, i) => `L-${(i % 3) + 1}`));
    expect(statements).toBe(onPostgres(store.db) ? 1 : 12);
  });
});
