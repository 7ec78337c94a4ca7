import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { CommandMetrics } from '../commands/command-metrics.js';
import type { Violation } from '../errors/violation.js';

/** Seconds: from a fast SQLite command (sub-millisecond) to a slow PostgreSQL batch under load. */
const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** A counter another module registered: increment it, with label values when it declared label names. */
export interface ModuleCounter<L extends string = string> {
  inc(labels?: Partial<Record<L, string | number>>, value?: number): void;
}

/** A gauge whose value is read when /metrics is scraped (a backlog, a connection count). */
export type GaugeReader<L extends string = string> = () => Promise<readonly { labels?: Partial<Record<L, string>>; value: number }[]>;

/** Metric names: Prometheus' rule, and the `takt_` prefix so that Takt's series are found together. */
const NAME = /^takt_[a-z_][a-z0-9_]*$/;

/**
 * The metrics of one Takt instance, in its own prom-client registry (never the process-global one: tests start many
 * instances in one process, and two instances must not count into each other).
 *
 * Modules register their own counters with `counter()` (for example the Sparkplug host's messages) and gauges read
 * at scrape time with `gauge()`; asking twice for the same name returns the same metric.
 */
export class TaktMetrics implements CommandMetrics {
  readonly registry = new Registry();
  private readonly commands: Counter<'command' | 'outcome'>;
  private readonly commandSeconds: Histogram<'command'>;
  private readonly rejections: Counter<'code' | 'command'>;
  private readonly httpSeconds: Histogram<'method' | 'route' | 'status'>;
  private readonly owned = new Map<string, Counter<string> | Gauge<string>>();
  private readonly counters = new Map<string, ModuleCounter<string>>();

  constructor() {
    this.commands = new Counter({ name: 'takt_commands_total', help: 'Commands run, by command type and outcome (accepted or refused)', labelNames: ['command', 'outcome'], registers: [this.registry] });
    this.commandSeconds = new Histogram({ name: 'takt_command_duration_seconds', help: 'Time from submission to answer of a command, queueing and commit included', labelNames: ['command'], buckets: LATENCY_BUCKETS, registers: [this.registry] });
    this.rejections = new Counter({ name: 'takt_command_rejections_total', help: 'Violations that refused a command, by violation code (a command refused for two rules counts once for each)', labelNames: ['code', 'command'], registers: [this.registry] });
    this.httpSeconds = new Histogram({ name: 'takt_http_request_duration_seconds', help: 'HTTP request durations by method, matched route pattern and status', labelNames: ['method', 'route', 'status'], buckets: LATENCY_BUCKETS, registers: [this.registry] });
  }

  /** The command runner's hook: one call per command answered (accepted, or refused with its violations). */
  observe(command: string, ms: number, violations: readonly Violation[]): void {
    this.commands.inc({ command, outcome: violations.length > 0 ? 'refused' : 'accepted' });
    this.commandSeconds.observe({ command }, ms / 1000);
    for (const code of new Set(violations.map((v) => v.code))) this.rejections.inc({ code, command });
  }

  /** One HTTP request answered; `route` is the matched pattern (`/api/v1/lots/:id`), never the raw path. */
  observeRequest(method: string, route: string, status: number, ms: number): void {
    this.httpSeconds.observe({ method, route, status: String(status) }, ms / 1000);
  }

  /** A counter of a module, registered once; the name must start with `takt_` and should end with `_total`. */
  counter<L extends string = never>(name: string, help: string, labelNames: readonly L[] = []): ModuleCounter<L> {
    const existing = this.owned.get(name);
    const known = this.counters.get(name);
    if (known) return known as ModuleCounter<L>;
    if (existing) throw new Error(`metric ${name} is already registered as another kind`);
    if (!NAME.test(name)) throw new Error(`metric name ${name} must match ${String(NAME)}`);
    const c = new Counter<string>({ name, help, labelNames: [...labelNames], registers: [this.registry] });
    this.owned.set(name, c);
    const counter: ModuleCounter<L> = {
      inc: (labels, value = 1) => (labels && labelNames.length > 0 ? c.inc(labels as Record<string, string | number>, value) : c.inc(value)),
    };
    this.counters.set(name, counter);
    return counter;
  }

  /** A gauge read when scraped; `read` should be cheap (one grouped query at most). A failed read leaves it empty. */
  gauge<L extends string = never>(name: string, help: string, labelNames: readonly L[], read: GaugeReader<L>): void {
    if (this.owned.has(name)) throw new Error(`metric ${name} is already registered`);
    if (!NAME.test(name)) throw new Error(`metric name ${name} must match ${String(NAME)}`);
    const g: Gauge<string> = new Gauge({
      name, help, labelNames: [...labelNames], registers: [this.registry],
      async collect() {
        g.reset();
        const values = await read().catch(() => []);
        for (const v of values) {
          if (v.labels && labelNames.length > 0) g.set(v.labels as Record<string, string>, v.value);
          else g.set(v.value);
        }
      },
    });
    this.owned.set(name, g);
  }

  /** Node.js process metrics (memory, event loop lag, CPU); for a served process, not for tests. */
  collectProcessMetrics(): void {
    collectDefaultMetrics({ register: this.registry, prefix: 'takt_process_' });
  }

  /** The Prometheus text exposition of every metric. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
