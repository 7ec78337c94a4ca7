import { expect, it } from 'vitest';
import { describeStores } from '../support/stores.js';
import { crashRun } from './support/crash-run.js';

/**
 * The crash test, short form (the long form: bench/crash.bench.ts). A real `takt serve` process is killed with
 * SIGKILL twice while a load generator in another process sends execution commands; after the restarts every
 * acknowledged command is in the store, no command is half there, and the journal chain verifies.
 */
describeStores('crash: SIGKILL of the server under execution load', (dialect) => {
  it('loses no acknowledged command and leaves no partial one', async () => {
    const r = await crashRun({ dialect, cycles: 2, workers: 4, orders: 40, rounds: 6, acksPerCycle: 25 });
    expect(r.kills).toBe(2);
    expect(r.problems).toEqual([]);
    expect(r.serverErrors).toBe(0);
    expect(r.acknowledged).toBeGreaterThanOrEqual(75);
    expect(r.journalEvents).toBeGreaterThan(r.acknowledged);
  }, 240_000);
});
