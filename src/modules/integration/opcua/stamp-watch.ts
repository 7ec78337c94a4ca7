/**
 * Calls `onChange` whenever the stamp read every `intervalMs` differs from the last one read (the first reading only
 * sets it): how a node notices changes made through another node, whose events never reach it. A failed reading is
 * skipped. The timer does not keep the process alive.
 */
export function watchStamp(options: { readonly stamp: () => Promise<string>; readonly intervalMs: number; readonly onChange: () => void }): () => void {
  let last: string | undefined;
  let reading = false;
  const read = async (): Promise<void> => {
    if (reading) return;
    reading = true;
    try {
      const now = await options.stamp();
      if (last !== undefined && now !== last) options.onChange();
      last = now;
    } catch {
      // The store is unreachable now: the next reading tries again.
    } finally {
      reading = false;
    }
  };
  void read();
  const timer = setInterval(() => void read(), options.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
