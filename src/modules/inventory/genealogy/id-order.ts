const RUN = 1 << 15;
const STEPS_PER_TURN = 1 << 18;

/**
 * The numbers 0 to n - 1 in the order `by` gives, sorted a slice at a time: runs of 32,768 sorted natively, then
 * merged pairwise, with `pause` awaited between slices so a server keeps answering while millions of ids are ordered.
 * Null when `pause` answered true (stop).
 */
export async function indicesInOrder(n: number, by: (x: number, y: number) => number, pause: () => Promise<boolean>, slices = { run: RUN, steps: STEPS_PER_TURN }): Promise<Int32Array | null> {
  let a = new Int32Array(n);
  for (let i = 0; i < n; i += 1) a[i] = i;
  for (let s = 0; s < n; s += slices.run) {
    a.subarray(s, Math.min(n, s + slices.run)).sort(by);
    if (await pause()) return null;
  }
  let b = new Int32Array(n);
  let steps = 0;
  for (let width = slices.run; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        b[k++] = by(a[i] as number, a[j] as number) <= 0 ? (a[i++] as number) : (a[j++] as number);
        if (++steps === slices.steps) {
          steps = 0;
          if (await pause()) return null;
        }
      }
      b.set(a.subarray(i, mid), k);
      b.set(a.subarray(j, hi), k + (mid - i));
    }
    [a, b] = [b, a];
  }
  return a;
}
