import { JOURNAL_READERS } from './audit/audit-view.js';
import { ORDER_HOLDERS } from './dispatch/hold-control.js';
import type { Route } from './router.js';
import { hasRole } from './session/session.js';

/** The roles POST /work-orders/{id}/priority and POST /work-centers/{id}/dispatch-list/move allow. */
export const DISPATCHERS = ['supervisor'] as const;

/**
 * Who may use each screen, the one place the header asks: the roles of the API routes the screen is for (admin always
 * may). The dispatch board is for reordering (DISPATCHERS) and holding orders (ORDER_HOLDERS); the audit trail for
 * reading the journal. A screen not listed needs only reads that answer every role (the plant view, the terminal,
 * quality's nonconformances and SPC charts, master data's materials, revisions and equipment); the commands on it are
 * offered per role there.
 */
const SCREEN_ROLES: Partial<Record<Route['page'], readonly string[]>> = {
  dispatch: [...new Set<string>([...DISPATCHERS, ...ORDER_HOLDERS])],
  audit: JOURNAL_READERS,
};

/** True when the signed-in user may use the screen. */
export function mayUse(page: Route['page']): boolean {
  const roles = SCREEN_ROLES[page];
  return !roles || hasRole(...roles);
}
