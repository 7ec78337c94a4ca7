import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { askForSignature, signatureNeed } from '../signatures/signature-request.js';
import { ApiError, newKey, request, UnreachableError } from './client.js';

export type CommandState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'sending' }
  /** The server could not be reached: the entry is kept and sent again with the same Idempotency-Key. */
  | { readonly kind: 'retrying'; readonly attempt: number }
  | { readonly kind: 'refused'; readonly error: ApiError }
  | { readonly kind: 'done' };

const RETRY_MS = 2000;

export interface CommandHandle {
  readonly state: CommandState;
  /** Sends the command; resolves to the server's answer once it accepted it, or null (refused or cancelled). */
  run<T>(method: 'POST' | 'PUT' | 'DELETE', path: string, body: unknown): Promise<T | null>;
  /** Stops retrying (the entry stays in the form). */
  cancel(): void;
  reset(): void;
}

const wait = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Sends one state-changing command at a time and never reports it done before the server accepted it. When the
 * server is unreachable it retries with the same Idempotency-Key, so an attempt whose answer was lost is not applied
 * twice; a refusal (problem+json) is kept with every violation for the form to show.
 */
export function useCommand(): CommandHandle {
  const [state, setState] = useState<CommandState>({ kind: 'idle' });
  const generation = useRef(0);
  const mounted = useRef(true);
  useEffect(() => () => {
    mounted.current = false;
    generation.current += 1;
  }, []);
  const set = (g: number, s: CommandState): void => {
    if (mounted.current && g === generation.current) setState(s);
  };
  const run = useCallback(async <T,>(method: 'POST' | 'PUT' | 'DELETE', path: string, body: unknown): Promise<T | null> => {
    generation.current += 1;
    const g = generation.current;
    let key = newKey();
    let sent = body;
    set(g, { kind: 'sending' });
    for (let attempt = 1; ; attempt += 1) {
      try {
        const result = await request<T>(method, path, { body: sent, idempotencyKey: key });
        set(g, { kind: 'done' });
        return g === generation.current ? result : null;
      } catch (error) {
        if (error instanceof UnreachableError) {
          if (g !== generation.current) return null;
          set(g, { kind: 'retrying', attempt });
          await wait(RETRY_MS);
          if (g !== generation.current) return null;
          continue;
        }
        const refusal = error instanceof ApiError ? error : new ApiError(0, String(error), []);
        // Refused only for want of a signature: ask for it and send the command again, signed (a new request).
        const need = signatureNeed(refusal.violations);
        const signing = need && g === generation.current ? await askForSignature(need) : null;
        if (signing && g === generation.current && typeof body === 'object' && body !== null) {
          sent = { ...body, ...signing };
          key = newKey();
          continue;
        }
        set(g, { kind: 'refused', error: refusal });
        return null;
      }
    }
  }, []);
  const cancel = useCallback(() => {
    generation.current += 1;
    setState({ kind: 'idle' });
  }, []);
  const reset = cancel;
  return { state, run, cancel, reset };
}

/** True while a command is on its way (sending or waiting to retry). */
export const busy = (s: CommandState): boolean => s.kind === 'sending' || s.kind === 'retrying';
