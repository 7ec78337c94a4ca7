/** A half-open span of time `[from, to)` in epoch milliseconds. */
export type TimeSpan = { readonly from: number; readonly to: number };

/** Total length in milliseconds of spans that are already disjoint. */
export const totalLength = (spans: readonly TimeSpan[]): number => {
  let sum = 0;
  for (const s of spans) sum += s.to - s.from;
  return sum;
};

/**
 * Union of arbitrary spans: sorted, disjoint, adjacent spans merged, empty spans dropped.
 * The input is not modified.
 */
export const unionSpans = (spans: readonly TimeSpan[]): TimeSpan[] => {
  const sorted = spans.filter((s) => s.to > s.from).sort((a, b) => a.from - b.from || a.to - b.to);
  const out: TimeSpan[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && s.from <= last.to) {
      if (s.to > last.to) out[out.length - 1] = { from: last.from, to: s.to };
    } else {
      out.push({ from: s.from, to: s.to });
    }
  }
  return out;
};

/**
 * `base` minus `cut`. Both must be sorted and disjoint (as {@link unionSpans} returns); so is the result.
 */
export const subtractSpans = (base: readonly TimeSpan[], cut: readonly TimeSpan[]): TimeSpan[] => {
  const out: TimeSpan[] = [];
  let j = 0;
  for (const b of base) {
    let start = b.from;
    while (j < cut.length && (cut[j]?.to ?? 0) <= start) j++;
    let k = j;
    while (k < cut.length) {
      const c = cut[k];
      if (c === undefined || c.from >= b.to) break;
      if (c.from > start) out.push({ from: start, to: c.from });
      start = Math.max(start, c.to);
      if (c.to > b.to) break;
      k++;
    }
    if (start < b.to) out.push({ from: start, to: b.to });
  }
  return out;
};

/** Spans clipped to `[from, to)`; spans falling outside are dropped. Order is kept. */
export const clipSpans = (spans: readonly TimeSpan[], from: number, to: number): TimeSpan[] => {
  const out: TimeSpan[] = [];
  for (const s of spans) {
    const a = Math.max(s.from, from);
    const b = Math.min(s.to, to);
    if (b > a) out.push({ from: a, to: b });
  }
  return out;
};
