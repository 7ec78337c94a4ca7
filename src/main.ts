import type { FastifyInstance } from 'fastify';
import { TokenService } from './platform/auth/token.service.js';
import { CommandRunner } from './platform/commands/command-runner.js';
import { EventBus } from './platform/events/event-bus.js';
import { buildApp } from './platform/http/app.js';
import type { LoginRateLimit } from './platform/http/login-rate-limit.js';
import { ensureJournalHead } from './platform/journal/journal.repository.js';
import { loadOrCreateSigningKey } from './platform/journal/anchor/anchor-key.js';
import { startJournalAnchors, type JournalAnchorOptions, type JournalAnchors } from './platform/journal/anchor/anchor-writer.js';
import { openStore, type Store, type StoreConfig } from './platform/store/database.js';
import { migrateToLatest } from './platform/store/migrator.js';
import { startSingleton, type Singleton } from './platform/cluster/singleton.js';
import { registerMetricsRoute, TaktMetrics } from './platform/observability/index.js';
import { actorResolver, bootstrapAdmin, registerAuthRoutes, registerBatchRecordQuery, registerEventStream, registerRecordSignoffRoutes, registerJournalRoutes } from './modules/compliance/index.js';
import {
  registerIntegrationRoutes, registerOutboxMetrics, startMappedOpcUa, startOutboxDispatcher, startSparkplugService, type IntegrationOptions, type SparkplugService,
  type SparkplugServiceOptions,
} from './modules/integration/index.js';
import { registerSignatureRoutes } from './modules/compliance/signatures/index.js';
import { registerAccountRoutes } from './modules/compliance/account/account.routes.js';
import { createMachineIngest, listMappings, mappingsStamp, registerMachineRoutes, type MachineIngest } from './modules/machines/index.js';
import { startHousekeeping, type Housekeeping } from './platform/scheduling/housekeeping.js';
import { housekeepingJobs, type HousekeepingOptions } from './housekeeping.js';
import { GenealogyIndex } from './modules/inventory/index.js';
import { registerModules } from './routes.js';

export interface TaktOptions {
  readonly store: StoreConfig;
  readonly adminPassword?: string | undefined;
  readonly logger?: boolean | { level: string };
  /** Where this instance counts (a new registry by default); modules register their own counters in it. */
  readonly metrics?: TaktMetrics;
  /** A static bearer token that may read /metrics (TAKT_METRICS_TOKEN); sign-in tokens of admin/integration may too. */
  readonly metricsToken?: string | undefined;
  /** Largest request body in bytes (default 1 MiB); larger ones are answered 413 problem+json. */
  readonly bodyLimit?: number | undefined;
  /** Origins allowed to call the API from a browser; CORS is off when none are given. */
  readonly corsOrigins?: readonly string[] | undefined;
  /** Failed-login limits answered 429 with Retry-After (`takt serve` sets the configured ones; none when absent). */
  readonly loginRateLimit?: LoginRateLimit | undefined;
  /**
   * Group commit (default on for both stores; measured faster on each, see docs/benchmarks.md "Execution commands"):
   * see CommandRunner.
   */
  readonly groupCommit?: boolean;
  /** The Sparkplug B host (external broker, or the embedded one); absent: no MQTT machine connectivity. */
  readonly sparkplug?: Omit<SparkplugServiceOptions, 'logger' | 'metrics'> | undefined;
  /** B2MML schemas, outbox folder and broker, delivery timings (defaults from the environment). */
  readonly integration?: IntegrationOptions;
  /** Subscribe to the OPC UA servers the machine mappings name, certificates in `pkiDir` (default: no OPC UA client). */
  readonly opcua?: { readonly pkiDir: string } | undefined;
  /** The hourly housekeeping (retentions, ended sessions, preventive maintenance orders) and its lease. */
  readonly housekeeping?: HousekeepingOptions;
  /**
   * Length of the machine connectivity lease (default 15 s): with an external broker or OPC UA, one node of those
   * sharing the store connects to machines; another takes over within this time after it died.
   */
  readonly machineLeaseMs?: number;
  /**
   * Signed anchors of the journal head, appended to `file` outside the store every `intervalMs` (default 10 min), when
   * this node takes the anchoring over and at close, signed with the Ed25519 key in `keyFile` (created when absent);
   * none when absent. `takt serve` sets them from TAKT_ANCHOR_FILE, TAKT_ANCHOR_KEY and TAKT_ANCHOR_INTERVAL.
   */
  readonly anchors?: (Omit<JournalAnchorOptions, 'key' | 'logger'> & { readonly keyFile: string }) | undefined;
  /**
   * The genealogy held in memory for traces (default on, loaded at the first trace; `warm` loads it at start, as
   * `takt serve` does). Off (TAKT_GENEALOGY_MEMORY=off): every trace walks the store.
   */
  readonly genealogy?: { readonly memory?: boolean; readonly warm?: boolean; readonly maxEdges?: number };
}

/** A running Takt: the store, the command runner, the event bus and the HTTP app over them. */
export interface Takt {
  readonly store: Store;
  readonly runner: CommandRunner;
  readonly bus: EventBus;
  readonly app: FastifyInstance;
  readonly tokens: TokenService;
  /** The Prometheus metrics of this instance (GET /metrics); `metrics.counter()` registers a module's counter. */
  readonly metrics: TaktMetrics;
  /** Set when this start created the first administrator. */
  readonly bootstrap: { password: string; generated: boolean; weak: string[] } | null;
  /** Machine data in: `machines.ingest(source, metrics)` from any transport (Sparkplug B, OPC UA, the simulator). */
  readonly machines: MachineIngest;
  /**
   * Prunes by the plant's retentions, deletes what ended sessions no longer need and opens due maintenance orders,
   * hourly, on one node of those sharing the store; `runNow(job)` on demand.
   */
  readonly housekeeping: Housekeeping;
  /** The journal anchor writer when anchors are configured. */
  readonly anchors: JournalAnchors | null;
  /** The genealogy held in memory for traces, unless turned off. */
  readonly genealogy: GenealogyIndex | null;
  /** The Sparkplug B host service (its broker URL, status) when MQTT is on. */
  sparkplug(): SparkplugService | undefined;
  close(): Promise<void>;
}

/** The composition root: the one place that knows every concrete adapter and wires the modules together. */
export async function createTakt(options: TaktOptions): Promise<Takt> {
  const store = openStore(options.store);
  let ready = false;
  try {
    await migrateToLatest(store);
    await ensureJournalHead(store.db);
    const anchorKey = options.anchors ? loadOrCreateSigningKey(options.anchors.keyFile, options.anchors.file) : null;
    const bus = new EventBus();
    const metrics = options.metrics ?? new TaktMetrics();
    const runner = new CommandRunner(store, bus, { metrics, groupCommit: options.groupCommit ?? true });
    const tokens = await TokenService.open(store.db);
    const app = await buildApp({
      tokens, resolveActor: actorResolver(store), logger: options.logger ?? false, ready: () => ready,
      observeRequest: (method, route, status, ms) => metrics.observeRequest(method, route, status, ms),
      bodyLimit: options.bodyLimit, corsOrigins: options.corsOrigins, loginRateLimit: options.loginRateLimit, durable: () => store.durable(),
    });
    registerMetricsRoute(app, metrics, { token: options.metricsToken });
    registerOutboxMetrics(metrics, store);
    registerAuthRoutes(app, runner, tokens);
    registerJournalRoutes(app, store, options.anchors && anchorKey ? { file: options.anchors.file, key: anchorKey.key } : undefined);
    registerBatchRecordQuery(app, store);
    registerSignatureRoutes(app, runner, store);
    registerRecordSignoffRoutes(app, runner);
    registerAccountRoutes(app, runner, store);
    registerEventStream(app, store, bus);
    const genealogy = options.genealogy?.memory === false ? null : new GenealogyIndex(store, { logger: app.log, ...(options.genealogy?.maxEdges === undefined ? {} : { maxEdges: options.genealogy.maxEdges }) });
    registerModules({ app, runner, store, bus, metrics, genealogy });
    registerIntegrationRoutes(app, runner, store, options.integration);
    const machines = createMachineIngest(runner, bus, { logger: app.log });
    let sparkplug: SparkplugService | undefined;
    let connectivity: Singleton | undefined;
    registerMachineRoutes(app, runner, store, () => ({
      ingest: machines.counters(), sparkplug: sparkplug?.status() ?? null,
      connectivity: connectivity ? { role: connectivity.role(), node: connectivity.owner } : null,
    }));
    await app.ready();
    const bootstrap = await bootstrapAdmin(store, runner, options.adminPassword);
    if (bootstrap && bootstrap.weak.length > 0) {
      app.log.warn({ problems: bootstrap.weak }, 'TAKT_ADMIN_PASSWORD breaks the password rules: the administrator should change it (POST /api/v1/auth/change-password)');
    }
    let anchors: JournalAnchors | null = null;
    if (options.anchors && anchorKey) {
      const { keyFile, ...anchoring } = options.anchors;
      if (anchorKey.created) app.log.info({ keyFile }, 'created the journal anchor key: keep it (or its .pub) apart from the store and its backups');
      if (anchorKey.looseMode) app.log.warn({ keyFile }, 'the journal anchor key can be read by others than its owner (chmod 600 it)');
      anchors = await startJournalAnchors(store, { ...anchoring, key: anchorKey.key, logger: app.log });
    }
    const outbox = startOutboxDispatcher(store, bus, { logger: app.log, ...options.integration });
    const startSparkplug = async () => {
      if (options.sparkplug) sparkplug = await startSparkplugService(machines, { ...options.sparkplug, logger: app.log, metrics });
    };
    const stopSparkplug = async () => {
      await sparkplug?.stop();
      sparkplug = undefined;
    };
    // Each node's embedded broker feeds only its own host; on an external broker, every node's host would receive
    // every message, so the host runs on the one node holding the machine connectivity lease, as the OPC UA client does.
    const sharedBroker = options.sparkplug?.url != null;
    if (!sharedBroker) await startSparkplug();
    let opcua: { stop(): Promise<void> } | null = null;
    const opcuaOptions = options.opcua;
    if (sharedBroker || opcuaOptions) {
      connectivity = await startSingleton(store, {
        name: 'machine-connectivity', leaseMs: options.machineLeaseMs, logger: app.log,
        start: async () => {
          if (sharedBroker) await startSparkplug();
          if (opcuaOptions) opcua = startMappedOpcUa({ pkiDir: opcuaOptions.pkiDir, ingest: machines, bus, mappings: () => listMappings(store.db), mappingsStamp: () => mappingsStamp(store.db), onError: (err) => app.log.warn({ err }, 'OPC UA client') });
        },
        stop: async () => {
          if (sharedBroker) await stopSparkplug();
          await opcua?.stop();
          opcua = null;
        },
      });
    }
    const housekeeping = await startHousekeeping(store, housekeepingJobs(runner, tokens.ttlMs, options.housekeeping), { leaseMs: options.housekeeping?.leaseMs, logger: app.log });
    if (options.genealogy?.warm) genealogy?.warm().catch(() => undefined);
    ready = true;
    return {
      store, runner, bus, app, tokens, metrics, bootstrap, machines, housekeeping, anchors, genealogy, sparkplug: () => sparkplug,
      close: async () => {
        await connectivity?.stop();
        await stopSparkplug();
        await machines.close();
        await housekeeping.stop();
        await outbox.stop();
        await app.close();
        await genealogy?.stop();
        // After the last request and ingest: the final anchor holds the head as this node leaves it.
        await anchors?.stop();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
