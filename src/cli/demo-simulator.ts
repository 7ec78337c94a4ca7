import { join } from 'node:path';
import type { Logger } from 'pino';
import type { TaktConfig } from '../config.js';
import type { Takt } from '../main.js';
import { findNode } from '../modules/resources/index.js';
import { SITE } from '../demo/demo-plant.data.js';
import { DEMO_OPCUA_MACHINE } from '../simulator/demo-machines.js';
import { DEMO_OPCUA_PORT } from '../simulator/demo-mappings.js';
import { startPlantSimulator, type PlantSimulator } from '../simulator/plant-simulator.js';

/** The OPC UA client's certificates under the data folder. */
export const pkiDirOf = (config: Pick<TaktConfig, 'dataDir'>): string => join(config.dataDir, 'pki');

/**
 * Starts the plant simulator beside `takt serve` when the store holds the demo plant, the simulator is not turned
 * off and Takt has a Sparkplug broker: the machines publish to that broker (and one serves OPC UA on port 4841) and
 * Takt's host and OPC UA client take their data in through the mappings the demo plant brought, as with real
 * machines. Null when it does not run; a simulator that cannot start is logged and Takt goes on without it.
 */
export async function startDemoSimulator(takt: Takt, config: TaktConfig, logger: Logger): Promise<PlantSimulator | null> {
  const brokerUrl = takt.sparkplug()?.brokerUrl;
  if (!config.simulator || !brokerUrl || !(await findNode(takt.store.db, SITE.id))) return null;
  try {
    const simulator = await startPlantSimulator({
      brokerUrl,
      seed: Number.parseInt(process.env.TAKT_SIMULATOR_SEED ?? '1', 10) || 1,
      opcua: { equipmentId: DEMO_OPCUA_MACHINE, port: DEMO_OPCUA_PORT, pkiDir: join(pkiDirOf(config), 'simulator') },
      onError: (err) => logger.warn({ err }, 'plant simulator'),
    });
    logger.info({ machines: simulator.sparkplug.length + (simulator.opcua ? 1 : 0), brokerUrl, opcua: simulator.opcua?.endpointUrl ?? null }, 'plant simulator running (turn it off with --no-simulator or TAKT_SIMULATOR=off)');
    return simulator;
  } catch (err) {
    logger.warn({ err }, 'plant simulator could not start; Takt runs without it');
    return null;
  }
}
