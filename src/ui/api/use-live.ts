import { useEffect, useRef } from 'preact/hooks';
import { onEvent } from './event-stream.js';
import type { JournalEvent } from './types.js';

/**
 * Calls `refresh` after committed events the filter cares about, coalescing a burst into one refresh (and one
 * more if events arrive while it runs): a screen follows the plant without reloading and without a request storm.
 */
export function useLiveRefresh(filter: (e: JournalEvent) => boolean, refresh: () => Promise<unknown>): void {
  const latest = useRef({ filter, refresh });
  latest.current = { filter, refresh };
  useEffect(() => {
    let running = false;
    let again = false;
    const go = async (): Promise<void> => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        do {
          again = false;
          await latest.current.refresh().catch(() => undefined);
        } while (again);
      } finally {
        running = false;
      }
    };
    return onEvent((e) => {
      if (latest.current.filter(e)) void go();
    });
  }, []);
}

/** Calls `listener` with every committed event while the component is shown. */
export function useEvents(listener: (e: JournalEvent) => void): void {
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => onEvent((e) => latest.current(e)), []);
}

/** Events that can change what a dispatch list, an order or a work center shows. */
export function isProductionEvent(e: JournalEvent): boolean {
  return e.entity === 'operation' || e.entity === 'work-order' || e.entity === 'lot' || e.entity === 'equipment';
}
