import { computed, signal } from '@preact/signals';
import { bearer, get, request, setUnauthenticatedHandler, UnreachableError } from '../api/client.js';
import type { Me } from '../api/types.js';

const STORAGE_KEY = 'takt.session';

interface Stored {
  readonly token: string;
  readonly expiresAt: string;
}

/** Who is signed in (null: nobody). */
export const me = signal<Me | null>(null);
/** Why the last session ended, for the sign-in screen (e.g. it expired). */
export const signedOutReason = signal<'expired' | 'idle' | null>(null);
export const signedIn = computed(() => me.value !== null);

let expiryTimer: ReturnType<typeof setTimeout> | null = null;

function keep(s: Stored | null): void {
  // Per browser tab: closing the tab ends the session; a shared terminal does not keep it on disk.
  if (s) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(s));
  else sessionStorage.removeItem(STORAGE_KEY);
}

function schedule(expiresAt: string): void {
  if (expiryTimer) clearTimeout(expiryTimer);
  const ms = Date.parse(expiresAt) - Date.now();
  // setTimeout holds at most ~24.8 days; a longer token is checked again by the server anyway.
  if (Number.isFinite(ms) && ms < 2 ** 31 - 1) expiryTimer = setTimeout(() => signOut('expired'), Math.max(0, ms));
}

/** Signs in with username and password; throws ApiError (wrong password, locked) or UnreachableError. */
export async function signIn(username: string, password: string): Promise<Me> {
  const r = await request<Stored>('POST', '/auth/login', { body: { username, password } });
  bearer.value = r.token;
  const who = await get<Me>('/auth/me');
  keep(r);
  schedule(r.expiresAt);
  signedOutReason.value = null;
  me.value = who;
  return who;
}

/** Ends the session in this browser tab. */
export function signOut(reason: 'expired' | 'idle' | null = null): void {
  if (expiryTimer) clearTimeout(expiryTimer);
  keep(null);
  bearer.value = null;
  me.value = null;
  signedOutReason.value = reason;
}

/** Restores the session of this tab after a reload, if its token still works. */
export async function restoreSession(): Promise<void> {
  setUnauthenticatedHandler(() => {
    if (me.value) signOut('expired');
  });
  const raw = sessionStorage.getItem(STORAGE_KEY);
  if (!raw) return;
  try {
    const s = JSON.parse(raw) as Stored;
    if (Date.parse(s.expiresAt) <= Date.now()) return keep(null);
    bearer.value = s.token;
    me.value = await get<Me>('/auth/me');
    schedule(s.expiresAt);
  } catch (error) {
    bearer.value = null;
    if (error instanceof UnreachableError) {
      // The server is away, not the session: try again rather than sign the person out.
      setTimeout(() => void restoreSession(), 2000);
      return;
    }
    keep(null);
  }
}

/** True when the signed-in user holds one of the roles (admin holds all). */
export function hasRole(...roles: readonly string[]): boolean {
  const held = me.value?.roles ?? [];
  return held.includes('admin') || roles.some((r) => held.includes(r));
}
