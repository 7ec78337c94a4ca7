import { randomBytes, randomUUID, webcrypto } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

export interface TokenClaims {
  readonly username: string;
  /** The person's token epoch when the token was issued: raising it revokes every earlier token. */
  readonly epoch: number;
  readonly jti: string;
  /** The login session: one per sign-in, carried by every token issued for it. */
  readonly session: string;
}

/** How long a sign-in token is valid (12 hours); the marks of ended sessions are kept as long (see pruneEndedSessions). */
export const DEFAULT_TOKEN_TTL_MS = 12 * 3600_000;

/** How many verified tokens are remembered (the oldest is forgotten first); a forgotten token is verified again. */
const VERIFIED_CACHE_SIZE = 10_000;

/**
 * Issues and checks bearer tokens (HS256 JWT). The key lives in the store, so every node and restart agrees.
 * The key is imported once (jose re-imported a raw key on every check), and a token whose signature was verified
 * is remembered by its exact text until it expires: the same string carries the same signature, so a later check of
 * it needs only the expiry. Revocation is not decided here but on every request by the person's token epoch.
 */
export class TokenService {
  private readonly verified = new Map<string, { readonly claims: TokenClaims; readonly expSec: number }>();

  private constructor(
    private readonly key: CryptoKey,
    /** How long a token is valid after its issue (ms). */
    readonly ttlMs: number,
  ) {}

  static async open(db: Kysely<Database>, ttlMs = DEFAULT_TOKEN_TTL_MS): Promise<TokenService> {
    await db
      .insertInto('settings')
      .values({ key: 'token_key', value: randomBytes(32).toString('base64') })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const row = await db.selectFrom('settings').select('value').where('key', '=', 'token_key').executeTakeFirstOrThrow();
    const raw = new Uint8Array(Buffer.from(row.value, 'base64'));
    const key = await webcrypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    return new TokenService(key, ttlMs);
  }

  /** A token for a new login session (or for the given one). */
  async issue(username: string, epoch: number, now = Date.now(), session: string = randomUUID()): Promise<{ token: string; expiresAt: number; session: string }> {
    const expiresAt = now + this.ttlMs;
    const token = await new SignJWT({ ep: epoch, sid: session })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(username)
      .setJti(randomUUID())
      .setIssuedAt(Math.floor(now / 1000))
      .setExpirationTime(Math.floor(expiresAt / 1000))
      .sign(this.key);
    return { token, expiresAt, session };
  }

  /** The claims of a valid, unexpired token; null for anything else. */
  async check(token: string, now = Date.now()): Promise<TokenClaims | null> {
    // jose's rule: a token is expired once the current second reaches `exp`.
    const nowSec = Math.floor(now / 1000);
    const known = this.verified.get(token);
    if (known) {
      if (nowSec < known.expSec) return known.claims;
      this.verified.delete(token);
      return null;
    }
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'], currentDate: new Date(now) });
      if (typeof payload.sub !== 'string' || typeof payload.ep !== 'number' || typeof payload.jti !== 'string') return null;
      // Tokens from before sessions were named: the token itself is the session.
      const session = typeof payload.sid === 'string' ? payload.sid : payload.jti;
      const claims: TokenClaims = { username: payload.sub, epoch: payload.ep, jti: payload.jti, session };
      if (typeof payload.exp === 'number') this.remember(token, claims, payload.exp);
      return claims;
    } catch {
      return null;
    }
  }

  private remember(token: string, claims: TokenClaims, expSec: number): void {
    if (this.verified.size >= VERIFIED_CACHE_SIZE) {
      const oldest = this.verified.keys().next();
      if (!oldest.done) this.verified.delete(oldest.value);
    }
    this.verified.set(token, { claims, expSec });
  }
}
