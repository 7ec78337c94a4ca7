import type { Violation } from '../errors/violation.js';

/** Counts and latencies of commands, and refusals by code: what /metrics exposes. */
export interface CommandMetrics {
  observe(command: string, ms: number, violations: readonly Violation[]): void;
}
