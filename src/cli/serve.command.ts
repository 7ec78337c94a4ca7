import type { Logger } from 'pino';
import type { TaktConfig } from '../config.js';
import { createTakt, type Takt } from '../main.js';
import { loadDemoPlant, type DemoUser } from '../demo/demo-plant.js';
import { createLogger } from './logger.js';
import { pkiDirOf, startDemoSimulator } from './demo-simulator.js';
import type { PlantSimulator } from '../simulator/plant-simulator.js';
import { markServing } from './backup.command.js';
import { CliError } from './cli-error.js';
import { AnchorError } from '../platform/journal/anchor/anchor-key.js';

const SHUTDOWN_GRACE_MS = 10_000;

/** Prints the first administrator's password once, straight to the terminal and never through the logger. */
export function printBootstrap(takt: Takt, out: NodeJS.WritableStream = process.stdout): void {
  if (!takt.bootstrap?.generated) return;
  out.write(
    [
      '',
      'Created the first administrator. This password is shown once:',
      `  username: admin`,
      `  password: ${takt.bootstrap.password}`,
      'Set TAKT_ADMIN_PASSWORD before the first start to choose it instead.',
      '',
    ].join('\n') + '\n',
  );
}

/** Prints the demo users so that a new user can sign in as each role. */
export function printDemoUsers(users: readonly DemoUser[], out: NodeJS.WritableStream = process.stdout): void {
  if (users.length === 0) return;
  out.write(['', 'Demo plant users:', ...users.map((u) => `  ${u.username.padEnd(16)} ${u.role.padEnd(12)} password: ${u.password}`), ''].join('\n') + '\n');
}

/** Loads the demo plant (nothing when its site already exists) and prints its users once. */
export async function loadDemo(takt: Takt, logger: Logger): Promise<void> {
  const { users } = await loadDemoPlant(takt);
  if (users.length === 0) {
    logger.info('demo plant already loaded');
    return;
  }
  logger.info({ users: users.length }, 'demo plant loaded');
  printDemoUsers(users);
}

/**
 * `takt serve`: opens the store (migrating it), creates the first administrator on an empty store, loads the
 * demo plant on that first start unless disabled, listens, and closes cleanly on SIGINT/SIGTERM.
 */
export async function serve(config: TaktConfig): Promise<void> {
  const { logger, serverLogger } = createLogger(config.logLevel);
  const { anchor } = config;
  const takt = await createTakt({
    store: config.store, adminPassword: config.adminPassword, logger: serverLogger, metricsToken: config.metricsToken,
    bodyLimit: config.bodyLimit, corsOrigins: config.corsOrigins, loginRateLimit: config.loginRateLimit,
    sparkplug: config.mqtt ? { url: config.mqtt.url, embedded: { host: config.mqtt.host, port: config.mqtt.port }, hostId: config.mqtt.hostId } : undefined,
    opcua: config.opcua ? { pkiDir: pkiDirOf(config) } : undefined,
    anchors: anchor.intervalMs === null ? undefined : { file: anchor.file, keyFile: anchor.keyFile, intervalMs: anchor.intervalMs },
    housekeeping: { maintenanceOrders: config.maintenanceScheduler },
    genealogy: { memory: config.genealogyMemory, warm: true, maxEdges: config.genealogyMaxEdges },
  }).catch((error: unknown) => {
    throw error instanceof AnchorError ? new CliError(error.message) : error;
  });
  let simulator: PlantSimulator | null = null;
  takt.metrics.collectProcessMetrics();
  // takt restore refuses a folder a Takt is serving: the mark goes when the process does.
  const unmark = markServing(config);
  process.on('exit', unmark);
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'stopping');
    setTimeout(() => {
      logger.error(`still closing after ${SHUTDOWN_GRACE_MS} ms: exiting`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    (simulator?.stop() ?? Promise.resolve()).catch(() => undefined).then(() => takt.close()).then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'error while closing');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    printBootstrap(takt);
    if (takt.bootstrap && config.demo) await loadDemo(takt, logger);
    await takt.app.listen({
      port: config.port,
      host: config.host,
      listenTextResolver: (address) => `Takt listening on ${address} (store: ${config.storeLabel}; API docs at ${address}/api/docs)`,
    });
    if (config.demo) simulator = await startDemoSimulator(takt, config, logger);
  } catch (error) {
    unmark();
    await takt.close().catch(() => undefined);
    throw error;
  }
}

/** `takt demo`: loads the demo plant into the configured store (creating the first administrator if it is empty). */
export async function demo(config: TaktConfig): Promise<void> {
  const { logger } = createLogger(config.logLevel);
  const takt = await createTakt({ store: config.store, adminPassword: config.adminPassword });
  try {
    printBootstrap(takt);
    await loadDemo(takt, logger);
  } finally {
    await takt.close();
  }
}
