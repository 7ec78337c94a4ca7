import { join, resolve } from 'node:path';
import { CliError } from './cli-error.js';
import { DEMO_OPCUA_MACHINE } from '../simulator/demo-machines.js';
import { startPlantSimulator, type PlantSimulatorOptions } from '../simulator/plant-simulator.js';

/** What `takt simulate` was given on the command line (commander's parsed options). */
export interface SimulateFlags {
  readonly seed?: string | undefined;
  readonly broker?: string | undefined;
  readonly speed?: string | undefined;
  readonly duration?: string | undefined;
  readonly opcuaPort?: string | undefined;
  /** false with --no-opcua. */
  readonly opcua?: boolean | undefined;
  readonly data?: string | undefined;
}

export interface SimulateOptions {
  readonly seed: number;
  readonly brokerUrl: string;
  readonly speed: number;
  /** Stop after this many seconds; null runs until interrupted. */
  readonly durationSec: number | null;
  readonly opcua: PlantSimulatorOptions['opcua'];
}

export const DEFAULT_SIMULATOR_BROKER = 'mqtt://127.0.0.1:1883';
export const DEFAULT_SIMULATOR_OPCUA_PORT = 4841;

type Env = Readonly<Record<string, string | undefined>>;

function number(raw: string, flag: string, ok: (n: number) => boolean, what: string): number {
  const n = raw.trim() === '' ? NaN : Number(raw);
  if (!Number.isFinite(n) || !ok(n)) throw new CliError(`${flag} must be ${what}, got "${raw}"`);
  return n;
}

/**
 * Resolves the simulator's options: flags, then TAKT_MQTT_URL for the broker, then defaults (seed 1, speed 1, no
 * end, the OPC UA machine on port 4841 with its certificates under `<data>/pki/simulator`). Throws a CliError
 * naming the bad flag.
 */
export function resolveSimulateOptions(flags: SimulateFlags, env: Env = process.env, cwd: string = process.cwd()): SimulateOptions {
  const seed = flags.seed === undefined ? 1 : number(flags.seed, '--seed', (n) => Number.isInteger(n) && Math.abs(n) < 2 ** 31, 'an integer');
  const speed = flags.speed === undefined ? 1 : number(flags.speed, '--speed', (n) => n > 0 && n <= 10_000, 'a number above 0 and at most 10000');
  const durationSec = flags.duration === undefined ? null : number(flags.duration, '--duration', (n) => n > 0, 'a number of seconds above 0');
  const brokerUrl = flags.broker ?? (env.TAKT_MQTT_URL || DEFAULT_SIMULATOR_BROKER);
  if (!/^(mqtts?|wss?|tcp):\/\/[^\s]+$/.test(brokerUrl)) throw new CliError(`--broker must be an mqtt:// (or mqtts://, ws://) URL, got "${brokerUrl}"`);
  const port = flags.opcuaPort === undefined ? DEFAULT_SIMULATOR_OPCUA_PORT
    : number(flags.opcuaPort, '--opcua-port', (n) => Number.isInteger(n) && n >= 0 && n <= 65535, 'an integer from 0 to 65535');
  const data = resolve(cwd, flags.data ?? env.TAKT_DATA_DIR ?? './data');
  return {
    seed, speed, durationSec, brokerUrl,
    opcua: flags.opcua === false ? null : { equipmentId: DEMO_OPCUA_MACHINE, port, pkiDir: join(data, 'pki', 'simulator') },
  };
}

/**
 * `takt simulate`: plays the demo plant's machines against a broker (and one OPC UA server) until interrupted or
 * the duration is over, printing a line of what it sent every ten seconds.
 */
export async function simulate(options: SimulateOptions, out: NodeJS.WritableStream = process.stdout): Promise<void> {
  const sim = await startPlantSimulator({
    brokerUrl: options.brokerUrl, seed: options.seed, speed: options.speed, opcua: options.opcua,
    onError: (error) => out.write(`simulator: ${error.message}\n`),
  });
  out.write(`plant simulator: ${sim.sparkplug.length} machines on Sparkplug B at ${options.brokerUrl} (group ${sim.sparkplug[0]?.groupId ?? '-'}), seed ${sim.seed}, speed ${sim.speed}x\n`);
  if (sim.opcua) out.write(`  ${sim.opcua.equipmentId} on OPC UA at ${sim.opcua.endpointUrl}\n`);
  const report = setInterval(() => {
    const s = sim.stats();
    out.write(`  ${new Date(sim.simulatedNow()).toISOString()} simulated: ${s.messages} messages, ${s.rebirths} rebirths answered\n`);
  }, 10_000);
  await new Promise<void>((done) => {
    const finish = (): void => {
      process.off('SIGINT', finish);
      process.off('SIGTERM', finish);
      done();
    };
    process.once('SIGINT', finish);
    process.once('SIGTERM', finish);
    if (options.durationSec !== null) setTimeout(finish, options.durationSec * 1000).unref();
  });
  clearInterval(report);
  await sim.stop();
  out.write(`plant simulator stopped: ${sim.stats().messages} messages\n`);
}
