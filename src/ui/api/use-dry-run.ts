import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, dryRun, UnreachableError } from './client.js';
import { serverReachable } from './connection.js';
import type { DryRun } from './types.js';

export interface DryRunHandle {
  /** The answer for the current input, or null while there is none yet (or the input is incomplete). */
  readonly result: DryRun | null;
  readonly checking: boolean;
  /** The check could not be made (server unreachable): say so, do not guess. */
  readonly unreachable: boolean;
  /** Checks the current input at once (a scanner's Enter does not wait for the debounce). */
  checkNow(): Promise<DryRun | null>;
}

/**
 * Asks the server, as the input changes, whether the command would be accepted (`?dryRun=true`): the violations
 * can be shown before the button is pressed. Debounced; an answer for an older input is discarded. A change of
 * `refreshKey` checks again (the state the answer depends on changed).
 */
export function useDryRun(path: string | null, body: unknown, refreshKey = '', delayMs = 120): DryRunHandle {
  const [result, setResult] = useState<DryRun | null>(null);
  const [checking, setChecking] = useState(false);
  const [unreachable, setUnreachable] = useState(false);
  const serial = useRef(0);
  const pending = useRef<Promise<DryRun | null> | null>(null);
  const key = path === null ? null : `${path} ${JSON.stringify(body)} ${refreshKey}`;
  const latest = useRef({ path, body, key });
  latest.current = { path, body, key };

  const check = useCallback((): Promise<DryRun | null> => {
    const { path: p, body: b } = latest.current;
    serial.current += 1;
    const mine = serial.current;
    if (p === null) {
      setResult(null);
      setChecking(false);
      return Promise.resolve(null);
    }
    setChecking(true);
    const promise = dryRun(p, b).then(
      (r) => {
        if (mine === serial.current) {
          setResult(r);
          setUnreachable(false);
          setChecking(false);
        }
        return r;
      },
      (error: unknown) => {
        if (mine !== serial.current) return null;
        setChecking(false);
        if (error instanceof UnreachableError) {
          setUnreachable(true);
          return null;
        }
        // A shape error (400) is an answer too: the input is not acceptable as it is.
        const r: DryRun = { allowed: false, violations: error instanceof ApiError ? error.violations : [] };
        setResult(r);
        return r;
      },
    );
    pending.current = promise;
    return promise;
  }, []);

  useEffect(() => {
    setResult(null);
    if (key === null) {
      serial.current += 1;
      setChecking(false);
      return;
    }
    setChecking(true);
    const timer = setTimeout(() => void check(), delayMs);
    return () => clearTimeout(timer);
  }, [key, delayMs, check]);

  // Back online: check again what could not be checked.
  const online = serverReachable.value;
  useEffect(() => {
    if (online && unreachable) void check();
  }, [online, unreachable, check]);

  return { result, checking, unreachable, checkNow: check };
}
