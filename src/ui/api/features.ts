import { signal } from '@preact/signals';

/** The API paths this server has (from its OpenAPI document): screens for modules still being built appear once they answer. */
export const apiPaths = signal<ReadonlySet<string> | null>(null);

let loading: Promise<void> | null = null;

/** Reads /api/openapi.json once (public); on failure the optional screens simply stay hidden. */
export function loadFeatures(): Promise<void> {
  loading ??= fetch('/api/openapi.json', { cache: 'no-store' })
    .then(async (r) => {
      const doc = (await r.json()) as { paths?: Record<string, unknown> };
      apiPaths.value = new Set(Object.keys(doc.paths ?? {}));
    })
    .catch(() => {
      apiPaths.value = new Set();
      loading = null;
    });
  return loading;
}

/** True when the server has the path, e.g. has('/api/v1/nonconformances'). */
export function has(path: string): boolean {
  return apiPaths.value?.has(path) ?? false;
}

/** The optional modules the screens look for. */
export const FEATURES = {
  nonconformances: '/api/v1/nonconformances',
  disposition: '/api/v1/nonconformances/{id}/disposition',
  inspections: '/api/v1/operations/{id}/inspections',
  spc: '/api/v1/quality/characteristics/{code}/spc',
  workCenterOee: '/api/v1/work-centers/{id}/oee',
  equipmentStates: '/api/v1/equipment/{id}/states',
  andon: '/api/v1/andon-calls',
} as const;
