/**
 * The changed fields between two versions of a record: `{field: {before, after}}`. A new record (before null)
 * lists every field with before null, so the journal always keeps the previous value of a change.
 */
export function changes(
  before: Readonly<Record<string, unknown>> | null,
  after: Readonly<Record<string, unknown>>,
): Record<string, { before: unknown; after: unknown }> {
  const out: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of Object.keys(after)) {
    const b = before ? before[key] ?? null : null;
    const a = after[key] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) out[key] = { before: b, after: a };
  }
  return out;
}
