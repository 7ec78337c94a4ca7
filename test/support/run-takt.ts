import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const TAKT_BIN = fileURLToPath(new URL('../../bin/takt.js', import.meta.url));

export interface Finished { code: number | null; stdout: string; stderr: string }

/** Runs the `takt` command line to its end and collects what it printed (tests only). */
export function runTakt(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TAKT_BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
