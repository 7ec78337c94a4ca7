import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // At least two files at a time: the default (one fewer than the cores) runs one at a time on a two-core machine,
    // where most test time waits on PostgreSQL, the browser, sockets and timers (measured on two cores: the whole
    // suite 558 s with two workers against 900-940 s with one).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
