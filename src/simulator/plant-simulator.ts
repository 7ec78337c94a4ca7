import { DEMO_CALENDAR, DEMO_MACHINES, DEMO_GROUP_ID } from './demo-machines.js';
import type { MachineProfile } from './model/machine.profile.js';
import type { PlantCalendar } from './model/planned-stops.js';
import { createVirtualMachine, type MachineEvent, type VirtualMachine } from './model/virtual-machine.js';
import { connectSparkplugMachine, sparkplugAddressOf, type SparkplugAddress, type SparkplugMachine } from './protocol/sparkplug-machine.js';

/** A machine published through something: Sparkplug B or OPC UA. */
interface Publisher {
  publish(events: readonly MachineEvent[]): Promise<void> | void;
  stop(): Promise<void>;
}

export interface OpcUaMachineOptions {
  /** The equipment that speaks OPC UA instead of Sparkplug B. */
  readonly equipmentId: string;
  /** TCP port of its OPC UA server (0 picks a free one). */
  readonly port: number;
  /** Where the server keeps its certificates. */
  readonly pkiDir: string;
}

export interface PlantSimulatorOptions {
  /** The MQTT broker the Sparkplug machines publish to. */
  readonly brokerUrl: string;
  /** The same seed plays the same plant (default 1). */
  readonly seed?: number;
  /** Simulated seconds per real second (default 1). Messages are stamped with real time all the same. */
  readonly speed?: number;
  /** Sparkplug group id (default the demo plant's site). */
  readonly groupId?: string;
  readonly machines?: readonly MachineProfile[];
  readonly calendar?: PlantCalendar;
  /** One machine exposed over OPC UA (default none). */
  readonly opcua?: OpcUaMachineOptions | null;
  /** How often the machines publish what they did (default 1000 ms, 250 ms from speed 4 on). */
  readonly publishIntervalMs?: number;
  readonly now?: () => number;
  readonly onError?: (error: Error) => void;
}

export interface PlantSimulator {
  readonly seed: number;
  readonly speed: number;
  /** The machines on Sparkplug B and where. */
  readonly sparkplug: readonly (SparkplugAddress & { readonly equipmentId: string })[];
  /** The machine on OPC UA, and its server's endpoint. */
  readonly opcua: { readonly equipmentId: string; readonly endpointUrl: string } | null;
  /** Simulated time now. */
  simulatedNow(): number;
  stats(): { readonly rounds: number; readonly messages: number; readonly rebirths: number };
  /** Stops the clock, then every machine says goodbye (NDEATH; the OPC UA server shuts down). */
  stop(): Promise<void>;
}

/** Simulated time runs `speed` times faster than real time from `origin`; both ways, rounded to milliseconds. */
export function simulationClock(origin: number, speed: number) {
  return {
    simulated: (real: number): number => origin + Math.round((real - origin) * speed),
    real: (simulated: number): number => origin + Math.round((simulated - origin) / speed),
  };
}

/**
 * Starts the plant simulator: one virtual machine per profile (the demo plant by default), each a Sparkplug B edge
 * node on the broker, except the one given for OPC UA, which runs its own OPC UA server. It talks to Takt only
 * through these protocols, as real machines would. Rejects when the broker cannot be reached.
 */
export async function startPlantSimulator(options: PlantSimulatorOptions): Promise<PlantSimulator> {
  const seed = options.seed ?? 1;
  const speed = options.speed ?? 1;
  if (!(speed > 0) || !Number.isFinite(speed)) throw new RangeError(`speed must be a positive number, got ${speed}`);
  const now = options.now ?? Date.now;
  const origin = now();
  const clock = simulationClock(origin, speed);
  const groupId = options.groupId ?? DEMO_GROUP_ID;
  const profiles = options.machines ?? DEMO_MACHINES;
  const calendar = options.calendar ?? DEMO_CALENDAR;
  const report = options.onError ?? ((error: Error) => process.emitWarning(error));
  const machines = profiles.map((p) => createVirtualMachine(p, calendar, { seed, start: origin }));
  const opcuaId = options.opcua?.equipmentId ?? null;
  if (opcuaId !== null && !profiles.some((p) => p.equipmentId === opcuaId)) throw new RangeError(`no simulated machine ${opcuaId} for OPC UA`);

  const publishers: { machine: VirtualMachine; publisher: Publisher }[] = [];
  const sparkplug: SparkplugMachine[] = [];
  let opcua: PlantSimulator['opcua'] = null;
  const stopAll = async (): Promise<void> => {
    await Promise.all(publishers.map((p) => p.publisher.stop().catch((e: unknown) => report(e instanceof Error ? e : new Error(String(e))))));
  };
  try {
    for (const machine of machines) {
      const equipmentId = machine.profile.equipmentId;
      if (equipmentId === opcuaId && options.opcua) {
        const { startOpcUaMachine } = await import('./protocol/opcua-machine.server.js');
        const server = await startOpcUaMachine({ machine, port: options.opcua.port, pkiDir: options.opcua.pkiDir, stamp: clock.real });
        opcua = { equipmentId, endpointUrl: server.endpointUrl };
        publishers.push({ machine, publisher: server });
        continue;
      }
      const connection = await connectSparkplugMachine({
        url: options.brokerUrl, address: sparkplugAddressOf(groupId, equipmentId), machine, stamp: clock.real, onError: report,
      });
      sparkplug.push(connection);
      publishers.push({ machine, publisher: connection });
    }
  } catch (error) {
    await stopAll();
    throw error;
  }

  let rounds = 0;
  let busy: Promise<void> | null = null;
  const round = async (): Promise<void> => {
    const simulated = clock.simulated(now());
    await Promise.all(publishers.map(async ({ machine, publisher }) => {
      try {
        await publisher.publish(machine.advanceTo(Math.max(simulated, machine.snapshot().at)));
      } catch (error) {
        report(error instanceof Error ? error : new Error(String(error)));
      }
    }));
    rounds += 1;
  };
  const timer = setInterval(() => {
    busy ??= round().finally(() => { busy = null; });
  }, options.publishIntervalMs ?? (speed >= 4 ? 250 : 1000));

  return {
    seed,
    speed,
    sparkplug: sparkplug.map((s) => ({ ...s.address, equipmentId: s.address.deviceId })),
    opcua,
    simulatedNow: () => clock.simulated(now()),
    stats: () => sparkplug.reduce(
      (acc, s) => ({ ...acc, messages: acc.messages + s.stats().messages, rebirths: acc.rebirths + s.stats().rebirths }),
      { rounds, messages: 0, rebirths: 0 },
    ),
    async stop() {
      clearInterval(timer);
      await busy;
      await stopAll();
    },
  };
}
