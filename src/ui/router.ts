import { signal } from '@preact/signals';

/** The current path of the single-page app. */
export const path = signal(location.pathname);

/** Goes to a path of the app without reloading (and records it in the browser history). */
export function navigate(to: string, replace = false): void {
  if (to === location.pathname + location.search) return;
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  path.value = location.pathname;
  window.scrollTo(0, 0);
}

export function startRouter(): void {
  window.addEventListener('popstate', () => {
    path.value = location.pathname;
  });
  // Plain <a href="/..."> links inside the app navigate without a reload (modifier keys keep their meaning).
  document.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = (e.target as Element | null)?.closest?.('a');
    if (!a || a.target || a.hasAttribute('download') || a.origin !== location.origin || a.pathname.startsWith('/api/')) return;
    if (a.hash && a.pathname === location.pathname) return; // an anchor on this page (the skip link)
    e.preventDefault();
    navigate(a.pathname + a.search);
  });
}

export type Route =
  | { readonly page: 'dashboard' }
  | { readonly page: 'terminal' }
  | { readonly page: 'order'; readonly id: string }
  | { readonly page: 'record'; readonly id: string }
  | { readonly page: 'lot'; readonly id: string }
  | { readonly page: 'quality' }
  | { readonly page: 'master-data' }
  | { readonly page: 'audit' }
  | { readonly page: 'dispatch' }
  | { readonly page: 'not-found' };

/** The route a path names. */
export function match(p: string): Route {
  const parts = p.split('/').filter(Boolean).map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
  const [first, second, third] = parts;
  if (parts.length === 0) return { page: 'dashboard' };
  if (parts.length === 1 && first === 'terminal') return { page: 'terminal' };
  if (parts.length === 1 && first === 'quality') return { page: 'quality' };
  if (parts.length === 1 && first === 'master-data') return { page: 'master-data' };
  if (parts.length === 1 && first === 'audit') return { page: 'audit' };
  if (parts.length === 1 && first === 'dispatch') return { page: 'dispatch' };
  if (parts.length === 2 && first === 'orders' && second) return { page: 'order', id: second };
  if (parts.length === 2 && first === 'lots' && second) return { page: 'lot', id: second };
  if (parts.length === 3 && first === 'orders' && second && third === 'record') return { page: 'record', id: second };
  return { page: 'not-found' };
}

/** The app path of an order, its batch record or a lot. */
export const orderHref = (id: string): string => `/orders/${encodeURIComponent(id)}`;
export const recordHref = (id: string): string => `${orderHref(id)}/record`;
export const lotHref = (id: string): string => `/lots/${encodeURIComponent(id)}`;
