import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../../bin/takt.js', import.meta.url));

/** Where a served Takt keeps its store: an SQLite data folder or a PostgreSQL URL (with a data folder for its anchor file). */
export type ServeStore = { readonly dataDir: string } | { readonly databaseUrl: string; readonly dataDir?: string };

/** A free TCP port on the loopback interface (taken and given back at once). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A `takt serve` child process. */
export interface ServedTakt {
  readonly url: string;
  readonly child: ChildProcess;
  /** Resolves with the exit code (or signal) once the process is gone. */
  readonly exited: Promise<number | NodeJS.Signals>;
  /** Everything it wrote to stderr (a failed start says why there). */
  stderr(): string;
  kill(signal: NodeJS.Signals): Promise<number | NodeJS.Signals>;
}

export const ADMIN_PASSWORD = 'reliability-admin-1';

// Generous: a start compiles the TypeScript sources through tsx, slow on a busy machine.
const START_TIMEOUT_MS = 180_000;

/**
 * Starts `takt serve` (the real CLI, in its own process) on the store and port, and waits until /health answers 200.
 * Its logs go to the bit bucket except errors, kept for the failure message.
 */
export async function serveTakt(store: ServeStore, port: number, env: Record<string, string> = {}): Promise<ServedTakt> {
  const storeArgs = [...('databaseUrl' in store ? ['--database-url', store.databaseUrl] : []), ...(store.dataDir ? ['--data', store.dataDir] : [])];
  const child = spawn(process.execPath, [BIN, 'serve', '--port', String(port), '--host', '127.0.0.1', '--no-demo', ...storeArgs], {
    env: { ...process.env, TAKT_ADMIN_PASSWORD: ADMIN_PASSWORD, TAKT_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    err = (err + chunk.toString('utf8')).slice(-20_000);
  });
  const exited = new Promise<number | NodeJS.Signals>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code ?? 0)));
  const url = `http://127.0.0.1:${port}`;
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (gone) throw new Error(`takt serve exited before it was ready: ${err}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`takt serve did not answer /health within ${START_TIMEOUT_MS / 1000} s: ${err}`);
    }
    const ok = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) }).then((r) => r.status === 200, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url, child, exited,
    stderr: () => err,
    kill: (signal) => {
      if (!gone) child.kill(signal);
      return exited;
    },
  };
}
