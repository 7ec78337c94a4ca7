import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scheduleJobs, type JobLogger, type ScheduledJob } from './job-schedule.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A job that counts its runs; `hold` keeps a run open until `release()`. */
function countingJob(name: string, firstAfterMs: number, options: { hold?: boolean; fail?: boolean } = {}) {
  const state = { runs: 0, sawStopping: [] as boolean[], release: () => undefined as void };
  const job: ScheduledJob = {
    name, everyMs: HOUR, firstAfterMs, counts: 'things done',
    run: async (stopping) => {
      state.runs += 1;
      if (options.hold) await new Promise<void>((resolve) => { state.release = resolve; });
      state.sawStopping.push(stopping());
      if (options.fail) throw new Error('store unreachable');
      return 1;
    },
  };
  return { job, state };
}

function memoryLogger(): JobLogger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (_o, msg) => void lines.push(`info ${msg}`), warn: (_o, msg) => void lines.push(`warn ${msg}`) };
}

describe('scheduled jobs', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs nothing until resumed, then each job first after its own delay and then every interval', async () => {
    const prune = countingJob('prune', HOUR);
    const generate = countingJob('generate', MINUTE);
    const schedule = scheduleJobs([prune.job, generate.job]);
    await vi.advanceTimersByTimeAsync(2 * HOUR);
    expect([prune.state.runs, generate.state.runs]).toEqual([0, 0]);

    schedule.resume();
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect([prune.state.runs, generate.state.runs]).toEqual([0, 1]);
    await vi.advanceTimersByTimeAsync(HOUR - MINUTE);
    expect([prune.state.runs, generate.state.runs]).toEqual([1, 1]);
    await vi.advanceTimersByTimeAsync(3 * HOUR);
    expect([prune.state.runs, generate.state.runs]).toEqual([4, 4]);
    await schedule.close();
  });

  it('stops arming on pause, tells a run in progress it is stopping, waits for it, and starts afresh on resume', async () => {
    const prune = countingJob('prune', MINUTE, { hold: true });
    const schedule = scheduleJobs([prune.job]);
    schedule.resume();
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(prune.state.runs).toBe(1);

    let paused = false;
    const pausing = schedule.pause().then(() => { paused = true; });
    await vi.advanceTimersByTimeAsync(0);
    expect(paused).toBe(false);
    prune.state.release();
    await pausing;
    expect(prune.state.sawStopping).toEqual([true]);
    await vi.advanceTimersByTimeAsync(5 * HOUR);
    expect(prune.state.runs).toBe(1);

    // Resumed: first run after the job's delay again, and not told to stop.
    schedule.resume();
    await vi.advanceTimersByTimeAsync(MINUTE);
    prune.state.release();
    await vi.advanceTimersByTimeAsync(HOUR);
    prune.state.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(prune.state.runs).toBe(3);
    expect(prune.state.sawStopping).toEqual([true, false, false]);
    await schedule.close();
  });

  it('runs a job on demand whether or not the schedule runs, joining a run in progress instead of starting another', async () => {
    const prune = countingJob('prune', HOUR, { hold: true });
    const schedule = scheduleJobs([prune.job]);
    const first = schedule.runNow('prune');
    const second = schedule.runNow('prune');
    await vi.advanceTimersByTimeAsync(0);
    prune.state.release();
    expect(await Promise.all([first, second])).toEqual([1, 1]);
    expect(prune.state.runs).toBe(1);
    expect(prune.state.sawStopping).toEqual([false]);
    await expect(schedule.runNow('nothing-of-that-name')).rejects.toThrow(/no scheduled job "nothing-of-that-name"/);
    await schedule.close();
  });

  it('logs what a run did and a failed run, and runs a failed job again at its next interval', async () => {
    const logger = memoryLogger();
    const failing = countingJob('generate', MINUTE, { fail: true });
    const schedule = scheduleJobs([failing.job, countingJob('prune', MINUTE).job], logger);
    schedule.resume();
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(logger.lines).toEqual([`warn generate failed; it runs again in ${HOUR} ms`, 'info prune: 1 things done']);
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(failing.state.runs).toBe(2);
    await schedule.close();
    schedule.resume();
    await vi.advanceTimersByTimeAsync(2 * HOUR);
    expect(failing.state.runs).toBe(2);
  });
});
