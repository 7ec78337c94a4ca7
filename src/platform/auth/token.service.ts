import { randomBytes, randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

export interface TokenClaims {
  readonly username: string;
  /** The person's token epoch when the token was issued: raising it revokes every earlier token. */
  readonly epoch: number;
  readonly jti: string;
}

/** Issues and checks bearer tokens (HS256 JWT). The key lives in the store, so every node and restart agrees. */
export class TokenService {
  private constructor(
    private readonly key: Uint8Array,
    private readonly ttlMs: number,
  ) {}

  static async open(db: Kysely<Database>, ttlMs = 12 * 3600_000): Promise<TokenService> {
    await db
      .insertInto('settings')
      .values({ key: 'token_key', value: randomBytes(32).toString('base64') })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const row = await db.selectFrom('settings').select('value').where('key', '=', 'token_key').executeTakeFirstOrThrow();
    return new TokenService(new Uint8Array(Buffer.from(row.value, 'base64')), ttlMs);
  }

  async issue(username: string, epoch: number, now = Date.now()): Promise<{ token: string; expiresAt: number }> {
    const expiresAt = now + this.ttlMs;
    const token = await new SignJWT({ ep: epoch })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(username)
      .setJti(randomUUID())
      .setIssuedAt(Math.floor(now / 1000))
      .setExpirationTime(Math.floor(expiresAt / 1000))
      .sign(this.key);
    return { token, expiresAt };
  }

  /** The claims of a valid, unexpired token; null for anything else. */
  async check(token: string): Promise<TokenClaims | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'] });
      if (typeof payload.sub !== 'string' || typeof payload.ep !== 'number' || typeof payload.jti !== 'string') return null;
      return { username: payload.sub, epoch: payload.ep, jti: payload.jti };
    } catch {
      return null;
    }
  }
}
