import type { MachineIngest } from '../../machines/index.js';
import type { ModuleCounter, TaktMetrics } from '../../../platform/observability/index.js';
import { startEmbeddedBroker, type EmbeddedBroker } from './embedded-broker.js';
import type { DropReason, HostSessionCounters, HostSessionEffect } from './host-session.types.js';
import { forwardEffects, type BridgeCounters } from './sparkplug-ingest.bridge.js';
import { startSparkplugHost, type SparkplugHost } from './sparkplug-host.adapter.js';

export interface ServiceLogger {
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

export interface SparkplugServiceOptions {
  /** An external broker (TAKT_MQTT_URL). Without one an embedded broker is started on `embedded`. */
  readonly url?: string | null | undefined;
  readonly embedded?: { readonly host: string; readonly port: number } | undefined;
  readonly hostId: string;
  readonly maxPayloadBytes?: number | undefined;
  readonly logger: ServiceLogger;
  readonly metrics?: TaktMetrics | undefined;
  /** Between attempts while the external broker cannot be reached (default 5 s). */
  readonly retryMs?: number | undefined;
}

export interface SparkplugServiceStatus {
  readonly brokerUrl: string;
  readonly embeddedBroker: boolean;
  readonly connected: boolean;
  readonly hostId: string;
  readonly session: HostSessionCounters | null;
  readonly bridge: BridgeCounters;
}

export interface SparkplugService {
  readonly brokerUrl: string;
  status(): SparkplugServiceStatus;
  stop(): Promise<void>;
}

const LOG_EVERY_MS = 10_000;

/** Logs the first drop of each reason at once, then at most one line per reason every 10 s with the count since. */
function dropLogger(logger: ServiceLogger): (e: Extract<HostSessionEffect, { kind: 'dropped' }>) => void {
  const last = new Map<DropReason, { at: number; since: number }>();
  return (e) => {
    const seen = last.get(e.reason);
    const now = Date.now();
    if (seen && now - seen.at < LOG_EVERY_MS) {
      seen.since += 1;
      return;
    }
    logger.warn({ reason: e.reason, topic: e.topic, detail: e.detail, droppedSinceLastLine: seen?.since ?? 0 }, 'Sparkplug message dropped');
    last.set(e.reason, { at: now, since: 0 });
  };
}

function prometheus(metrics: TaktMetrics | undefined): { messages?: ModuleCounter<'kind'>; dropped?: ModuleCounter<'reason'>; rebirths?: ModuleCounter } {
  if (!metrics) return {};
  return {
    messages: metrics.counter('takt_sparkplug_effects_total', 'Sparkplug host effects by kind (metric-record, node-state, publish, dropped, ...)', ['kind']),
    dropped: metrics.counter('takt_sparkplug_dropped_total', 'Sparkplug messages or metrics dropped, by reason', ['reason']),
    rebirths: metrics.counter('takt_sparkplug_rebirth_requests_total', 'Node Control/Rebirth commands sent'),
  };
}

/**
 * The Sparkplug B Primary Host of a running Takt: connects to the external broker, or starts the embedded one, and
 * feeds every value and death to the machine data ingest. Bad input is dropped by the session with a counted,
 * logged reason; nothing a machine sends stops it. An unreachable external broker is retried in the background.
 */
export async function startSparkplugService(ingest: MachineIngest, options: SparkplugServiceOptions): Promise<SparkplugService> {
  const { logger } = options;
  let broker: EmbeddedBroker | undefined;
  if (!options.url) {
    const embedded = options.embedded ?? { host: '127.0.0.1', port: 1883 };
    broker = await startEmbeddedBroker({
      ...embedded,
      onFallback: (taken, next) => logger.warn({ port: taken, next }, `MQTT port ${taken} is in use (another broker?); the embedded broker tries ${next === 'any' ? 'a free port' : `port ${next}`}. Set TAKT_MQTT_PORT, or TAKT_MQTT_URL to use that broker instead`),
    });
    logger.info({ url: broker.url }, `embedded MQTT broker listening on ${broker.url}`);
  }
  const brokerUrl = options.url ?? (broker as EmbeddedBroker).url;
  const bridge: BridgeCounters = { unsupportedType: 0, metricsForwarded: 0 };
  const prom = prometheus(options.metrics);
  const logDrop = dropLogger(logger);
  const onEffects = (effects: readonly HostSessionEffect[]) => {
    // Counted per kind once a message (a DATA message has two effects a metric: a labelled increment each was a
    // noticeable share of the ingest's CPU).
    const kinds = new Map<string, number>();
    for (const e of effects) {
      kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
      if (e.kind === 'dropped') {
        prom.dropped?.inc({ reason: e.reason });
        logDrop(e);
      }
      if (e.kind === 'publish' && e.purpose === 'rebirth-request') prom.rebirths?.inc();
    }
    for (const [kind, n] of kinds) prom.messages?.inc({ kind }, n);
    forwardEffects(effects, ingest, bridge);
  };
  let host: SparkplugHost | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (): Promise<void> => {
    try {
      host = await startSparkplugHost({
        url: brokerUrl, hostId: options.hostId, maxPayloadBytes: options.maxPayloadBytes, onEffects,
        onError: (error) => logger.warn({ err: error }, 'Sparkplug host: MQTT error'),
        connectTimeoutMs: 5000,
      });
      if (stopped) await host.stop();
      else logger.info({ url: brokerUrl, hostId: options.hostId }, `Sparkplug B host "${options.hostId}" online on ${brokerUrl}`);
    } catch (error) {
      if (stopped) return;
      logger.error({ err: error, url: brokerUrl }, `Sparkplug host cannot reach ${brokerUrl}; retrying`);
      retry = setTimeout(() => void connect(), options.retryMs ?? 5000);
    }
  };
  await connect();
  return {
    brokerUrl,
    status: () => ({
      brokerUrl, embeddedBroker: broker !== undefined, connected: host?.client.connected ?? false, hostId: options.hostId,
      session: host ? host.session.counters() : null, bridge: { ...bridge },
    }),
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      await host?.stop();
      await broker?.close();
    },
  };
}
