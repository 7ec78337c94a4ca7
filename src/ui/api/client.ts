import { signal } from '@preact/signals';
import { markReachable, markUnreachable } from './connection.js';
import type { DryRun, Violation } from './types.js';

/** The signed-in session's bearer token (null when signed out); set by the session module. */
export const bearer = signal<string | null>(null);

/** Called when the server says the token is no longer valid (expired, revoked, user locked). */
let onUnauthenticated: () => void = () => undefined;
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

/** The server refused or could not answer: its problem+json status, detail and every violation. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly violations: readonly Violation[],
  ) {
    super(message);
  }
}

/** The server could not be reached at all: nothing was (knowingly) done; the request may be sent again. */
export class UnreachableError extends Error {}

export interface RequestOptions {
  readonly body?: unknown;
  readonly signal?: AbortSignal;
  readonly idempotencyKey?: string;
  readonly dryRun?: boolean;
}

async function problemOf(res: Response): Promise<ApiError> {
  try {
    const p = (await res.json()) as { detail?: string; title?: string; violations?: Violation[] };
    return new ApiError(res.status, p.detail ?? p.title ?? res.statusText, p.violations ?? []);
  } catch {
    return new ApiError(res.status, res.statusText, []);
  }
}

/** Sends one call: the bearer token, problem+json turned into ApiError, network loss into UnreachableError. */
async function send(method: string, path: string, options: RequestOptions, accept: string): Promise<Response> {
  const headers: Record<string, string> = { accept };
  if (bearer.value) headers.authorization = `Bearer ${bearer.value}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  const url = options.dryRun ? `/api/v1${path}${path.includes('?') ? '&' : '?'}dryRun=true` : `/api/v1${path}`;
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      cache: 'no-store',
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    markUnreachable();
    throw new UnreachableError('the server cannot be reached');
  }
  // A proxy in front of Takt answers these while Takt itself is down: the same as unreachable.
  if (res.status === 502 || res.status === 503 || res.status === 504) {
    markUnreachable();
    throw new UnreachableError(`the server is not answering (${res.status})`);
  }
  markReachable();
  if (res.status === 401 && path !== '/auth/login') onUnauthenticated();
  if (!res.ok) throw await problemOf(res);
  return res;
}

/** One call to the API: JSON in and out (see send for the errors). */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const text = await (await send(method, path, options, 'application/json')).text();
  return (text ? JSON.parse(text) : {}) as T;
}

/** A file the API answers (a PDF), with the session's token: a plain link would not carry it. */
export async function getFile(path: string, accept: string): Promise<Blob> {
  return (await send('GET', path, {}, accept)).blob();
}

export const get = <T>(path: string, signal?: AbortSignal): Promise<T> => request<T>('GET', path, signal ? { signal } : {});

/** Asks the server whether a command would be accepted, writing nothing: every reason it would not. */
export function dryRun(path: string, body: unknown, signal?: AbortSignal): Promise<DryRun> {
  return request<DryRun>('POST', path, { body, dryRun: true, ...(signal ? { signal } : {}) });
}

/** A random Idempotency-Key (crypto.randomUUID needs a secure context, which a terminal on plain http lacks). */
export function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** URL path segment: ids may hold characters a path must escape. */
export const seg = (id: string): string => encodeURIComponent(id);
