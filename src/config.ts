import { resolve } from 'node:path';
import type { StoreConfig } from './platform/store/database.js';
import { DEFAULT_BODY_LIMIT } from './platform/http/app.js';
import { DEFAULT_LOGIN_RATE_LIMIT, type LoginRateLimit, type RateWindow } from './platform/http/login-rate-limit.js';

/** The log levels pino knows, quietest last. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** What the command line gave (commander's parsed options); absent means "take the environment or the default". */
export interface ConfigFlags {
  readonly port?: string | undefined;
  readonly host?: string | undefined;
  readonly data?: string | undefined;
  readonly databaseUrl?: string | undefined;
  readonly demo?: boolean | undefined;
  /** false with --no-simulator. */
  readonly simulator?: boolean | undefined;
}

/** Everything a Takt process needs to start, resolved from flags, then environment, then defaults. */
export interface TaktConfig {
  readonly store: StoreConfig;
  /** Where the store is, for logs: the SQLite file, or the PostgreSQL URL without its password. */
  readonly storeLabel: string;
  readonly dataDir: string;
  readonly port: number;
  readonly host: string;
  readonly adminPassword: string | undefined;
  readonly logLevel: LogLevel;
  /** Load the demo plant on the first start of an empty store. */
  readonly demo: boolean;
  /** TAKT_METRICS_TOKEN: a static bearer token a Prometheus scraper may read /metrics with (unset: only sign-in tokens). */
  readonly metricsToken: string | undefined;
  /** Machine connectivity over MQTT (Sparkplug B host); null when TAKT_MQTT=off. */
  readonly mqtt: MqttConfig | null;
  /** Subscribe to the OPC UA servers the machine mappings name (off with TAKT_OPCUA=off: one node of several connects). */
  readonly opcua: boolean;
  /** Open the orders of due preventive maintenance plans hourly (off with TAKT_MAINTENANCE_SCHEDULER=off). */
  readonly maintenanceScheduler: boolean;
  /** Hold the genealogy in memory for traces, loaded at start (off with TAKT_GENEALOGY_MEMORY=off: traces walk the store). */
  readonly genealogyMemory: boolean;
  /** TAKT_GENEALOGY_MAX_EDGES: the most genealogy edges held in memory (default 20 million, about 1.7 GB); beyond, traces walk the store. */
  readonly genealogyMaxEdges: number;
  /** TAKT_BODY_LIMIT: the largest request body in bytes (default 1 MiB); larger ones are answered 413. */
  readonly bodyLimit: number;
  /** TAKT_CORS_ORIGINS: comma-separated origins allowed to call the API from a browser; empty (CORS off) by default. */
  readonly corsOrigins: readonly string[];
  /** TAKT_LOGIN_LIMIT_ACCOUNT / TAKT_LOGIN_LIMIT_ADDRESS as `count/seconds`: failed logins before 429. */
  readonly loginRateLimit: LoginRateLimit;
  /** Run the plant simulator beside a store holding the demo plant (off with --no-simulator or TAKT_SIMULATOR=off). */
  readonly simulator: boolean;
  /** The journal's signed anchors outside the store (docs/operations.md). */
  readonly anchor: AnchorConfig;
}

/** Where the journal head is anchored outside the store, and with which key. */
export interface AnchorConfig {
  /** TAKT_ANCHOR_FILE: the append-only anchor file, default `<data>/journal-anchors.jsonl`. */
  readonly file: string;
  /** TAKT_ANCHOR_KEY: the Ed25519 signing key, default beside the data folder (`<data>-anchor.key`), so not in its backups. */
  readonly keyFile: string;
  /** TAKT_ANCHOR_INTERVAL: seconds between anchors (default 600); null with `off`: takt serve writes none. */
  readonly intervalMs: number | null;
}

/** TAKT_MQTT_URL: an external broker; without it an embedded broker on TAKT_MQTT_HOST:TAKT_MQTT_PORT (default 127.0.0.1:1883). */
export interface MqttConfig {
  readonly url: string | null;
  readonly host: string;
  readonly port: number;
  /** TAKT_SPARKPLUG_HOST_ID, default `takt`: the host id of the STATE topic. */
  readonly hostId: string;
}

export const DEFAULT_MQTT_PORT = 1883;

export const DEFAULT_PORT = 3000;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_DATA_DIR = './data';
export const SQLITE_FILE_NAME = 'takt.sqlite';
export const ANCHOR_FILE_NAME = 'journal-anchors.jsonl';
export const DEFAULT_ANCHOR_INTERVAL_SEC = 600;

/** A configuration value Takt cannot start with; the message names the flag or variable to fix. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type Env = Readonly<Record<string, string | undefined>>;

function pick(flag: string | undefined, env: Env, name: string): { value: string; from: string } | undefined {
  if (flag !== undefined && flag !== '') return { value: flag, from: 'flag' };
  const fromEnv = env[name];
  return fromEnv !== undefined && fromEnv !== '' ? { value: fromEnv, from: name } : undefined;
}

function parsePort(raw: { value: string; from: string } | undefined): number {
  if (!raw) return DEFAULT_PORT;
  const port = /^\d+$/.test(raw.value) ? Number(raw.value) : NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`port must be an integer from 0 to 65535 (0 picks a free one), got "${raw.value}" (${raw.from === 'flag' ? '--port' : raw.from})`);
  }
  return port;
}

function resolveMqtt(env: Env): MqttConfig | null {
  if (env.TAKT_MQTT?.toLowerCase() === 'off') return null;
  const url = pick(undefined, env, 'TAKT_MQTT_URL')?.value ?? null;
  if (url !== null && !/^(mqtts?|wss?|tcp):\/\//.test(url)) throw new ConfigError(`TAKT_MQTT_URL must be an mqtt://, mqtts://, ws:// or wss:// URL, got "${redactUrl(url)}"`);
  const hostId = pick(undefined, env, 'TAKT_SPARKPLUG_HOST_ID')?.value ?? 'takt';
  if (/[+/#]/.test(hostId)) throw new ConfigError(`TAKT_SPARKPLUG_HOST_ID must not contain + / or #, got "${hostId}"`);
  const rawPort = pick(undefined, env, 'TAKT_MQTT_PORT');
  return { url, host: pick(undefined, env, 'TAKT_MQTT_HOST')?.value ?? DEFAULT_HOST, port: rawPort ? parsePort(rawPort) : DEFAULT_MQTT_PORT, hostId };
}

function parseLogLevel(raw: string | undefined): LogLevel {
  if (raw === undefined || raw === '') return 'info';
  const level = raw.toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new ConfigError(`TAKT_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
  }
  return level as LogLevel;
}

/** A whole number of at least `min` from the environment variable `name`, or `fallback` when it is unset. */
function parseWholeNumber(name: string, raw: string | undefined, fallback: number, min: number, unit: string): number {
  if (raw === undefined || raw === '') return fallback;
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n < min) throw new ConfigError(`${name} must be a whole number of ${unit} of at least ${min}, got "${raw}"`);
  return n;
}

function parseRateWindow(name: string, raw: string | undefined, fallback: RateWindow): RateWindow {
  if (raw === undefined || raw === '') return fallback;
  const m = /^(\d+)\/(\d+)$/.exec(raw);
  const max = Number(m?.[1]);
  const windowSec = Number(m?.[2]);
  if (!m || max < 1 || windowSec < 1) throw new ConfigError(`${name} must be count/seconds with both at least 1, e.g. 5/60, got "${raw}"`);
  return { max, windowSec };
}

function resolveAnchor(env: Env, cwd: string, dataDir: string): AnchorConfig {
  const raw = env.TAKT_ANCHOR_INTERVAL?.trim() ?? '';
  const seconds = raw === '' ? DEFAULT_ANCHOR_INTERVAL_SEC : /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (raw.toLowerCase() !== 'off' && !(Number.isSafeInteger(seconds) && seconds >= 1)) {
    throw new ConfigError(`TAKT_ANCHOR_INTERVAL must be a whole number of seconds of at least 1, or off, got "${raw}"`);
  }
  const file = pick(undefined, env, 'TAKT_ANCHOR_FILE')?.value;
  const keyFile = pick(undefined, env, 'TAKT_ANCHOR_KEY')?.value;
  return {
    file: file ? resolve(cwd, file) : resolve(dataDir, ANCHOR_FILE_NAME),
    keyFile: keyFile ? resolve(cwd, keyFile) : `${dataDir}-anchor.key`,
    intervalMs: raw.toLowerCase() === 'off' ? null : seconds * 1000,
  };
}

function parseOrigins(raw: string | undefined): string[] {
  const origins = (raw ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  for (const o of origins) {
    let url: URL | undefined;
    try {
      url = new URL(o);
    } catch {
      url = undefined;
    }
    if (!url || url.origin !== o) throw new ConfigError(`TAKT_CORS_ORIGINS must list origins like https://mes.example.com (scheme, host, port; no path), got "${o}"`);
  }
  return origins;
}

/** The URL without its password, fit for a log line. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable URL)';
  }
}

function postgresStore(raw: { value: string; from: string }): StoreConfig {
  if (!/^postgres(ql)?:\/\//.test(raw.value)) {
    throw new ConfigError(`${raw.from === 'flag' ? '--database-url' : raw.from} must be a postgres:// or postgresql:// URL`);
  }
  return { dialect: 'postgres', url: raw.value };
}

/**
 * Resolves the configuration: a flag wins over its environment variable, which wins over the default.
 * The store is PostgreSQL when a database URL is given (--database-url, TAKT_DATABASE_URL), otherwise the
 * embedded SQLite file `<data>/takt.sqlite` (--data, TAKT_DATA_DIR, default ./data, relative to `cwd`).
 * Throws a ConfigError naming the bad flag or variable.
 */
export function resolveConfig(flags: ConfigFlags, env: Env = process.env, cwd: string = process.cwd()): TaktConfig {
  const dataDir = resolve(cwd, pick(flags.data, env, 'TAKT_DATA_DIR')?.value ?? DEFAULT_DATA_DIR);
  const databaseUrl = pick(flags.databaseUrl, env, 'TAKT_DATABASE_URL');
  const sqliteFile = resolve(dataDir, SQLITE_FILE_NAME);
  const store: StoreConfig = databaseUrl ? postgresStore(databaseUrl) : { dialect: 'sqlite', file: sqliteFile };
  const adminPassword = env.TAKT_ADMIN_PASSWORD;
  return {
    store,
    storeLabel: databaseUrl ? `postgres ${redactUrl(databaseUrl.value)}` : `sqlite ${sqliteFile}`,
    dataDir,
    port: parsePort(pick(flags.port, env, 'TAKT_PORT')),
    host: pick(flags.host, env, 'TAKT_HOST')?.value ?? DEFAULT_HOST,
    adminPassword: adminPassword !== undefined && adminPassword !== '' ? adminPassword : undefined,
    logLevel: parseLogLevel(env.TAKT_LOG_LEVEL),
    mqtt: resolveMqtt(env),
    opcua: env.TAKT_OPCUA?.toLowerCase() !== 'off',
    maintenanceScheduler: env.TAKT_MAINTENANCE_SCHEDULER?.toLowerCase() !== 'off',
    genealogyMemory: env.TAKT_GENEALOGY_MEMORY?.toLowerCase() !== 'off',
    genealogyMaxEdges: parseWholeNumber('TAKT_GENEALOGY_MAX_EDGES', env.TAKT_GENEALOGY_MAX_EDGES, 20_000_000, 1, 'edges'),
    demo: flags.demo ?? true,
    simulator: (flags.simulator ?? true) && env.TAKT_SIMULATOR?.toLowerCase() !== 'off',
    anchor: resolveAnchor(env, cwd, dataDir),
    metricsToken: env.TAKT_METRICS_TOKEN !== undefined && env.TAKT_METRICS_TOKEN !== '' ? env.TAKT_METRICS_TOKEN : undefined,
    bodyLimit: parseWholeNumber('TAKT_BODY_LIMIT', env.TAKT_BODY_LIMIT, DEFAULT_BODY_LIMIT, 1024, 'bytes'),
    corsOrigins: parseOrigins(env.TAKT_CORS_ORIGINS),
    loginRateLimit: {
      perAccount: parseRateWindow('TAKT_LOGIN_LIMIT_ACCOUNT', env.TAKT_LOGIN_LIMIT_ACCOUNT, DEFAULT_LOGIN_RATE_LIMIT.perAccount),
      perAddress: parseRateWindow('TAKT_LOGIN_LIMIT_ADDRESS', env.TAKT_LOGIN_LIMIT_ADDRESS, DEFAULT_LOGIN_RATE_LIMIT.perAddress),
    },
  };
}
