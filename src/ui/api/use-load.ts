import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, UnreachableError } from './client.js';

export interface Loaded<T> {
  readonly data: T | null;
  /** Set when the last load failed; data keeps the last good answer (a screen does not go blank on a blip). */
  readonly error: ApiError | UnreachableError | null;
  readonly loading: boolean;
  reload(): Promise<void>;
}

/** Loads data for a screen, again whenever the key changes; reload() for live refreshes. */
export function useLoad<T>(key: string | null, load: () => Promise<T>): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | UnreachableError | null>(null);
  const [loading, setLoading] = useState(key !== null);
  const current = useRef({ key, load });
  current.current = { key, load };
  const serial = useRef(0);

  const reload = useCallback(async (): Promise<void> => {
    const { key: k, load: l } = current.current;
    if (k === null) return;
    serial.current += 1;
    const mine = serial.current;
    try {
      const d = await l();
      if (mine !== serial.current || k !== current.current.key) return;
      setData(d);
      setError(null);
    } catch (e) {
      if (mine !== serial.current) return;
      if (e instanceof ApiError || e instanceof UnreachableError) setError(e);
      else throw e;
    } finally {
      if (mine === serial.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    setData(null);
    setError(null);
    setLoading(key !== null);
    void reload();
  }, [key, reload]);

  return { data, error, loading, reload };
}
