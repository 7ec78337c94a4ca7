import { closeSync, fsync, openSync } from 'node:fs';

/**
 * The flush of SQLite's write-ahead log, off the event loop. better-sqlite3 is synchronous: with synchronous=FULL
 * every COMMIT waited for the disk on the one thread that also parses requests and runs commands, so group commit
 * could gather commands but never overlap their work with a flush. The connection runs with synchronous=NORMAL
 * instead (a COMMIT writes its frames to the log, still atomic and consistent after a crash, but not yet flushed),
 * and right after each commit this flushes the log file on libuv's thread pool. `durable()` resolves once every
 * commit made so far is on disk: the command runner answers and publishes a batch only then, and the HTTP edge sends
 * no response before it, so nothing leaves the process before it is durable, as with synchronous=FULL.
 *
 * Commits during a flush are covered by the next one (one flush at a time, each covering all frames written before
 * it started). The log is a chain of checksummed frames, so a later commit on disk implies every earlier one is.
 * A failed flush fails every waiting and later `durable()`: what the disk refused cannot be promised again.
 */
export class WalFlush {
  private fd: number | undefined;
  private requested = 0;
  private flushed = 0;
  private flushing = false;
  private failure: Error | undefined;
  private waiters: { readonly upTo: number; readonly resolve: () => void; readonly reject: (e: Error) => void }[] = [];

  constructor(private readonly walFile: string) {}

  /** Called synchronously right after a transaction ended (COMMIT, or an auto-committed write). */
  committed(): void {
    this.requested += 1;
    this.kick();
  }

  /** Resolves once everything committed before this call is on disk. */
  durable(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.flushed >= this.requested) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ upTo: this.requested, resolve, reject }));
  }

  /** Waits for the flushes in flight, then lets go of the file. */
  async close(): Promise<void> {
    await this.durable().catch(() => undefined);
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  private kick(): void {
    if (this.flushing || this.failure || this.flushed >= this.requested) return;
    const upTo = this.requested;
    try {
      this.fd ??= openSync(this.walFile, 'r+');
    } catch (error) {
      this.fail(error);
      return;
    }
    this.flushing = true;
    fsync(this.fd, (error) => {
      this.flushing = false;
      if (error) {
        this.fail(error);
        return;
      }
      this.flushed = upTo;
      const waiting = this.waiters;
      this.waiters = waiting.filter((w) => w.upTo > upTo);
      for (const w of waiting) if (w.upTo <= upTo) w.resolve();
      this.kick();
    });
  }

  private fail(error: unknown): void {
    this.failure = error instanceof Error ? error : new Error(String(error));
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) w.reject(this.failure);
  }
}
