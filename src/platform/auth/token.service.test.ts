import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/database.js';
import { migrateToLatest } from '../store/migrator.js';
import { TokenService } from './token.service.js';

describe('token service', () => {
  let store: Store;
  let tokens: TokenService;
  beforeAll(async () => {
    store = openStore({ dialect: 'sqlite', file: ':memory:' });
    await migrateToLatest(store);
    tokens = await TokenService.open(store.db, 60_000);
  });
  afterAll(() => store.close());

  it('accepts its own token, again and again, with the claims it was issued with', async () => {
    const { token } = await tokens.issue('anna', 3);
    const first = await tokens.check(token);
    expect(first).toMatchObject({ username: 'anna', epoch: 3 });
    expect(await tokens.check(token)).toEqual(first);
  });

  it('refuses a token once it expired, also after it was accepted before', async () => {
    const now = Date.now();
    const { token, expiresAt } = await tokens.issue('anna', 0, now);
    expect(await tokens.check(token, now)).not.toBeNull();
    expect(await tokens.check(token, expiresAt - 1000)).not.toBeNull();
    expect(await tokens.check(token, expiresAt + 1000)).toBeNull();
    expect(await tokens.check(token, expiresAt + 2000)).toBeNull(); // forgotten once expired: verified again, still refused
  });

  it('refuses a token whose payload or signature was altered after the original was accepted', async () => {
    const { token } = await tokens.issue('anna', 0);
    expect(await tokens.check(token)).not.toBeNull();
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), sub: 'admin' })).toString('base64url');
    expect(await tokens.check(`${header}.${forged}.${signature}`)).toBeNull();
    const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'AB' : 'AA'}`;
    expect(await tokens.check(`${header}.${payload}.${flipped}`)).toBeNull();
  });

  it('refuses a token signed by another store key', async () => {
    const other = openStore({ dialect: 'sqlite', file: ':memory:' });
    await migrateToLatest(other);
    const foreign = await TokenService.open(other.db, 60_000);
    const { token } = await foreign.issue('anna', 0);
    await other.close();
    expect(await tokens.check(token)).toBeNull();
  });
});
