/** A piece of periodic work: pruning by a retention, generating what falls due. */
export interface ScheduledJob {
  readonly name: string;
  /** Time from one run's end to the next run. */
  readonly everyMs: number;
  /** Time from the start of the schedule (this node taking over the work) to the first run. */
  readonly firstAfterMs: number;
  /** What the count a run returns means, for the log line of a run that did something ("rows deleted"). */
  readonly counts: string;
  /**
   * One run. Work done in bounded steps asks `stopping()` between them: true once the schedule pauses (another node
   * took the work over) or closes, so a long backlog is not worked through by a node that is no longer in charge.
   */
  run(stopping: () => boolean): Promise<number>;
}

export interface JobLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface JobSchedule {
  /** Runs the job now, whether or not the schedule runs; joins its run in progress instead of starting a second. */
  runNow(name: string): Promise<number>;
  /** Arms every job's timer: its first run `firstAfterMs` from now, then `everyMs` after each run. */
  resume(): void;
  /** Disarms the timers; resolves once the runs in progress ended (each told it is stopping). */
  pause(): Promise<void>;
  /** Pauses for good: later resumes arm nothing. */
  close(): Promise<void>;
}

/**
 * Timers and single-flight runs of periodic jobs; where they run (on which node) is the caller's decision. A run that
 * fails is logged and the job runs again at its next interval. The timers do not keep the process alive.
 */
export function scheduleJobs(jobs: readonly ScheduledJob[], logger?: JobLogger): JobSchedule {
  const byName = new Map(jobs.map((j) => [j.name, j]));
  const running = new Map<string, Promise<number>>();
  const timers = new Set<NodeJS.Timeout>();
  let armed = false;
  let closed = false;
  // A resume starts a new generation: a run of an earlier one must not arm a second timer for its job.
  let generation = 0;

  const start = (job: ScheduledJob, scheduled: boolean): Promise<number> => {
    let run = running.get(job.name);
    if (!run) {
      const stopping = scheduled ? () => closed || !armed : () => closed;
      run = job.run(stopping).then((n) => {
        if (n > 0) logger?.info({ job: job.name, count: n }, `${job.name}: ${n} ${job.counts}`);
        return n;
      }).finally(() => running.delete(job.name));
      running.set(job.name, run);
    }
    return run;
  };

  const arm = (job: ScheduledJob, delayMs: number, of: number): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      start(job, true)
        .catch((err: unknown) => logger?.warn({ err, job: job.name }, `${job.name} failed; it runs again in ${job.everyMs} ms`))
        .finally(() => {
          if (armed && generation === of) arm(job, job.everyMs, of);
        });
    }, delayMs);
    timer.unref();
    timers.add(timer);
  };

  const pause = async (): Promise<void> => {
    armed = false;
    for (const t of timers) clearTimeout(t);
    timers.clear();
    await Promise.allSettled([...running.values()]);
  };

  return {
    runNow(name) {
      const job = byName.get(name);
      return job ? start(job, false) : Promise.reject(new Error(`no scheduled job "${name}" (jobs: ${[...byName.keys()].join(', ')})`));
    },
    resume() {
      if (armed || closed) return;
      armed = true;
      generation += 1;
      for (const job of jobs) arm(job, job.firstAfterMs, generation);
    },
    pause,
    async close() {
      closed = true;
      await pause();
    },
  };
}
