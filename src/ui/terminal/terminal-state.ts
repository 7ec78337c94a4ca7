import { signal } from '@preact/signals';

const WORK_CENTER_KEY = 'takt.terminal.workCenter';

/** The work center this terminal stands at: remembered by the browser, so the next shift starts there. */
export const workCenterId = signal<string | null>(localStorage.getItem(WORK_CENTER_KEY));

export function chooseWorkCenter(id: string | null): void {
  workCenterId.value = id;
  if (id) localStorage.setItem(WORK_CENTER_KEY, id);
  else localStorage.removeItem(WORK_CENTER_KEY);
}

/** The operation selected in the dispatch list. */
export const selectedOperationId = signal<string | null>(null);

/** Minutes without a touch or key after which a shared terminal signs its operator out. */
export const IDLE_SIGN_OUT_MINUTES = 15;
