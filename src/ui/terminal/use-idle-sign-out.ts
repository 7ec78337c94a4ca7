import { useEffect } from 'preact/hooks';
import { signOut } from '../session/session.js';

/**
 * Signs out after a while without input: the next person at a shared terminal must not act under the name of the
 * one who walked away.
 */
export function useIdleSignOut(minutes: number): void {
  useEffect(() => {
    let timer = setTimeout(() => signOut('idle'), minutes * 60_000);
    const reset = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => signOut('idle'), minutes * 60_000);
    };
    const events = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
    for (const e of events) window.addEventListener(e, reset, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, reset);
    };
  }, [minutes]);
}
