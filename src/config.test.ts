import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_HOST, DEFAULT_PORT, redactUrl, resolveConfig } from './config.js';

const cwd = '/srv/takt';

describe('resolveConfig', () => {
  it('defaults to the embedded SQLite store in ./data on 127.0.0.1:3000 with the demo', () => {
    const c = resolveConfig({}, {}, cwd);
    expect(c.store).toEqual({ dialect: 'sqlite', file: '/srv/takt/data/takt.sqlite' });
    expect(c.dataDir).toBe('/srv/takt/data');
    expect(c.port).toBe(DEFAULT_PORT);
    expect(c.host).toBe(DEFAULT_HOST);
    expect(c.logLevel).toBe('info');
    expect(c.demo).toBe(true);
    expect(c.adminPassword).toBeUndefined();
    expect(c.storeLabel).toBe('sqlite /srv/takt/data/takt.sqlite');
    expect(c.opcua).toBe(true);
    expect(c.maintenanceScheduler).toBe(true);
  });

  it('turns the scheduled generation of preventive maintenance orders off', () => {
    expect(resolveConfig({}, { TAKT_MAINTENANCE_SCHEDULER: 'off' }, cwd).maintenanceScheduler).toBe(false);
    expect(resolveConfig({}, { TAKT_MAINTENANCE_SCHEDULER: 'Off' }, cwd).maintenanceScheduler).toBe(false);
  });

  it('holds the genealogy in memory for traces unless turned off', () => {
    expect(resolveConfig({}, {}, cwd).genealogyMemory).toBe(true);
    expect(resolveConfig({}, { TAKT_GENEALOGY_MEMORY: 'off' }, cwd).genealogyMemory).toBe(false);
    expect(resolveConfig({}, {}, cwd).genealogyMaxEdges).toBe(20_000_000);
    expect(resolveConfig({}, { TAKT_GENEALOGY_MAX_EDGES: '5000000' }, cwd).genealogyMaxEdges).toBe(5_000_000);
    expect(() => resolveConfig({}, { TAKT_GENEALOGY_MAX_EDGES: '2e6' }, cwd)).toThrow(/TAKT_GENEALOGY_MAX_EDGES must be a whole number of edges/);
  });

  it('turns machine connectivity off per transport, for the nodes of several that do not connect to machines', () => {
    const c = resolveConfig({}, { TAKT_MQTT: 'off', TAKT_OPCUA: 'OFF' }, cwd);
    expect(c.mqtt).toBeNull();
    expect(c.opcua).toBe(false);
  });

  it('takes every setting from the environment', () => {
    const c = resolveConfig({}, {
      TAKT_DATA_DIR: '/var/lib/takt', TAKT_PORT: '8080', TAKT_HOST: '0.0.0.0', TAKT_ADMIN_PASSWORD: 'secret-pass-1', TAKT_LOG_LEVEL: 'WARN',
    }, cwd);
    expect(c.store).toEqual({ dialect: 'sqlite', file: '/var/lib/takt/takt.sqlite' });
    expect(c.port).toBe(8080);
    expect(c.host).toBe('0.0.0.0');
    expect(c.adminPassword).toBe('secret-pass-1');
    expect(c.logLevel).toBe('warn');
  });

  it('lets a flag win over its environment variable', () => {
    const c = resolveConfig({ port: '4000', host: '::1', data: 'plant' }, { TAKT_PORT: '8080', TAKT_HOST: '0.0.0.0', TAKT_DATA_DIR: '/elsewhere' }, cwd);
    expect(c.port).toBe(4000);
    expect(c.host).toBe('::1');
    expect(c.store).toEqual({ dialect: 'sqlite', file: '/srv/takt/plant/takt.sqlite' });
  });

  it('uses PostgreSQL when a database URL is given by flag or environment, and never logs its password', () => {
    const fromEnv = resolveConfig({}, { TAKT_DATABASE_URL: 'postgres://takt:hunter22@db:5432/takt' }, cwd);
    expect(fromEnv.store).toEqual({ dialect: 'postgres', url: 'postgres://takt:hunter22@db:5432/takt' });
    expect(fromEnv.storeLabel).toBe('postgres postgres://takt:***@db:5432/takt');
    const fromFlag = resolveConfig({ databaseUrl: 'postgresql://db/other' }, { TAKT_DATABASE_URL: 'postgres://db/takt' }, cwd);
    expect(fromFlag.store).toEqual({ dialect: 'postgres', url: 'postgresql://db/other' });
  });

  it('treats empty environment variables as unset', () => {
    const c = resolveConfig({}, { TAKT_DATABASE_URL: '', TAKT_PORT: '', TAKT_ADMIN_PASSWORD: '', TAKT_LOG_LEVEL: '' }, cwd);
    expect(c.store.dialect).toBe('sqlite');
    expect(c.port).toBe(DEFAULT_PORT);
    expect(c.adminPassword).toBeUndefined();
    expect(c.logLevel).toBe('info');
  });

  it('accepts port 0 (a free port) and turns the demo off with --no-demo', () => {
    const c = resolveConfig({ port: '0', demo: false }, {}, cwd);
    expect(c.port).toBe(0);
    expect(c.demo).toBe(false);
  });

  it('refuses a bad port, log level or database URL and names the culprit', () => {
    expect(() => resolveConfig({ port: '70000' }, {}, cwd)).toThrow(/--port/);
    expect(() => resolveConfig({}, { TAKT_PORT: 'http' }, cwd)).toThrow(/TAKT_PORT/);
    expect(() => resolveConfig({}, { TAKT_LOG_LEVEL: 'loud' }, cwd)).toThrow(ConfigError);
    expect(() => resolveConfig({ databaseUrl: 'mysql://db/takt' }, {}, cwd)).toThrow(/--database-url/);
    expect(() => resolveConfig({}, { TAKT_DATABASE_URL: 'sqlite:x' }, cwd)).toThrow(/TAKT_DATABASE_URL/);
  });
});

describe('redactUrl', () => {
  it('keeps a URL without a password as it is', () => {
    expect(redactUrl('postgres://postgres@127.0.0.1:5432/test')).toBe('postgres://postgres@127.0.0.1:5432/test');
  });
});

describe('edge limits in the configuration', () => {
  it('defaults to a 1 MiB body, CORS off, 5 failed logins per account and 30 per address a minute, no scrape token', () => {
    const c = resolveConfig({}, {}, '/srv');
    expect(c.bodyLimit).toBe(1024 * 1024);
    expect(c.corsOrigins).toEqual([]);
    expect(c.loginRateLimit).toEqual({ perAccount: { max: 20, windowSec: 60 }, perAddress: { max: 30, windowSec: 60 } });
    expect(c.metricsToken).toBeUndefined();
  });

  it('reads them from the environment', () => {
    const c = resolveConfig({}, {
      TAKT_BODY_LIMIT: '65536', TAKT_CORS_ORIGINS: 'https://mes.example.com, http://localhost:5173', TAKT_LOGIN_LIMIT_ACCOUNT: '3/30',
      TAKT_LOGIN_LIMIT_ADDRESS: '100/600', TAKT_METRICS_TOKEN: 'scrape',
    }, '/srv');
    expect(c).toMatchObject({ bodyLimit: 65536, corsOrigins: ['https://mes.example.com', 'http://localhost:5173'], metricsToken: 'scrape' });
    expect(c.loginRateLimit).toEqual({ perAccount: { max: 3, windowSec: 30 }, perAddress: { max: 100, windowSec: 600 } });
  });

  it.each([
    ['TAKT_BODY_LIMIT', '1k'],
    ['TAKT_BODY_LIMIT', '10'],
    ['TAKT_CORS_ORIGINS', 'https://mes.example.com/app'],
    ['TAKT_CORS_ORIGINS', '*'],
    ['TAKT_LOGIN_LIMIT_ACCOUNT', '5'],
    ['TAKT_LOGIN_LIMIT_ADDRESS', '0/60'],
  ])('refuses %s=%s, naming it', (name, value) => {
    expect(() => resolveConfig({}, { [name]: value }, '/srv')).toThrow(new RegExp(name));
  });
});

describe('journal anchors in the configuration', () => {
  it('keeps the anchor file in the data folder and the key beside it, every 10 minutes by default', () => {
    expect(resolveConfig({}, {}, cwd).anchor).toEqual({ file: '/srv/takt/data/journal-anchors.jsonl', keyFile: '/srv/takt/data-anchor.key', intervalMs: 600_000 });
  });

  it('takes the file, the key and the interval from the environment, and turns anchoring off', () => {
    const c = resolveConfig({}, { TAKT_ANCHOR_FILE: '/mnt/worm/anchors.jsonl', TAKT_ANCHOR_KEY: 'keys/anchor.key', TAKT_ANCHOR_INTERVAL: '60' }, cwd);
    expect(c.anchor).toEqual({ file: '/mnt/worm/anchors.jsonl', keyFile: '/srv/takt/keys/anchor.key', intervalMs: 60_000 });
    expect(resolveConfig({}, { TAKT_ANCHOR_INTERVAL: 'off' }, cwd).anchor.intervalMs).toBeNull();
  });

  it.each(['0', '10m', '-5'])('refuses TAKT_ANCHOR_INTERVAL=%s, naming it', (value) => {
    expect(() => resolveConfig({}, { TAKT_ANCHOR_INTERVAL: value }, cwd)).toThrow(/TAKT_ANCHOR_INTERVAL/);
  });
});
