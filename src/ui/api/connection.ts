import { signal } from '@preact/signals';

/** Whether the server answered the last request; false while it is unreachable (network down, server stopped). */
export const serverReachable = signal(true);

let probe: ReturnType<typeof setTimeout> | null = null;

/** Marks the server unreachable and probes /health until it answers again. */
export function markUnreachable(): void {
  serverReachable.value = false;
  if (probe) return;
  const tick = async (): Promise<void> => {
    try {
      const r = await fetch('/health', { cache: 'no-store' });
      if (r.ok) {
        probe = null;
        serverReachable.value = true;
        return;
      }
    } catch {
      /* still down */
    }
    probe = setTimeout(() => void tick(), 2000);
  };
  probe = setTimeout(() => void tick(), 1000);
}

export function markReachable(): void {
  serverReachable.value = true;
}
