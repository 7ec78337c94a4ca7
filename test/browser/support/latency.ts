import type { Page } from 'playwright-core';

declare global {
  interface Window {
    __taktSeen?: number | null;
    __taktObserver?: MutationObserver;
  }
}

/**
 * Arms the page to note the moment (Date.now(), the same clock as this process) at which the element's text first
 * satisfies the expectation; a MutationObserver sees the change as soon as the DOM has it.
 */
export async function armScreenWatch(page: Page, selector: string, expected: string): Promise<void> {
  await page.evaluate(
    ([sel, want]) => {
      window.__taktObserver?.disconnect();
      window.__taktSeen = null;
      const check = (): void => {
        const el = document.querySelector(sel);
        if (window.__taktSeen === null && el?.textContent?.includes(want)) {
          window.__taktSeen = Date.now();
          window.__taktObserver?.disconnect();
        }
      };
      window.__taktObserver = new MutationObserver(check);
      window.__taktObserver.observe(document.body, { subtree: true, childList: true, characterData: true });
      check();
    },
    [selector, expected] as const,
  );
}

/** When the armed change reached the screen (waits for it). */
export async function screenSeenAt(page: Page, timeoutMs = 5000): Promise<number> {
  const handle = await page.waitForFunction(() => window.__taktSeen ?? false, undefined, { timeout: timeoutMs, polling: 10 });
  return (await handle.jsonValue()) as number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}
