import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

/**
 * A CPU profile of one phase of a benchmark (not its set-up), written as a .cpuprofile file that Chrome's DevTools
 * opens. Off unless the directory is given (TAKT_BENCH_PROFILE), so an ordinary run pays nothing.
 */
export async function profilePhase<T>(file: string | undefined, phase: () => Promise<T>): Promise<T> {
  if (!file) return phase();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await phase();
  } finally {
    writeFileSync(file, JSON.stringify((await session.post('Profiler.stop')).profile));
    session.disconnect();
  }
}
