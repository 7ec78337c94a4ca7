import { createServer, type AddressInfo, type Server } from 'node:net';
import { Aedes } from 'aedes';
import { connectAsync } from 'mqtt';
import { describe, expect, it } from 'vitest';
import { runTakt } from '../../test/support/run-takt.js';
import { CliError } from './cli-error.js';
import { resolveSimulateOptions } from './simulate.command.js';

describe('takt simulate options', () => {
  it('defaults to seed 1, real speed, no end, the broker of TAKT_MQTT_URL and the OPC UA machine under <data>/pki', () => {
    expect(resolveSimulateOptions({}, { TAKT_MQTT_URL: 'mqtt://broker:1884' }, '/srv')).toEqual({
      seed: 1, speed: 1, durationSec: null, brokerUrl: 'mqtt://broker:1884',
      opcua: { equipmentId: 'CART-1', port: 4841, pkiDir: '/srv/data/pki/simulator' },
    });
    expect(resolveSimulateOptions({ seed: '7', speed: '60', duration: '5', broker: 'mqtt://127.0.0.1:1', opcua: false }, {}, '/srv'))
      .toMatchObject({ seed: 7, speed: 60, durationSec: 5, brokerUrl: 'mqtt://127.0.0.1:1', opcua: null });
  });

  it('refuses bad values naming the flag', () => {
    for (const [flags, flag] of [
      [{ seed: '1.5' }, '--seed'], [{ speed: '0' }, '--speed'], [{ speed: 'fast' }, '--speed'], [{ duration: '-1' }, '--duration'],
      [{ broker: 'http://x' }, '--broker'], [{ opcuaPort: '70000' }, '--opcua-port'],
    ] as const) {
      expect(() => resolveSimulateOptions(flags, {}, '/srv')).toThrow(CliError);
      expect(() => resolveSimulateOptions(flags, {}, '/srv')).toThrow(flag);
    }
  });
});

describe('takt simulate', () => {
  it('publishes the demo machines to the broker for the given duration, then stops with their deaths', async () => {
    const broker = await Aedes.createBroker();
    const server: Server = createServer(broker.handle);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `mqtt://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const watcher = await connectAsync(url, { reconnectPeriod: 0 });
    const topics: string[] = [];
    watcher.on('message', (topic) => topics.push(topic));
    await watcher.subscribeAsync('spBv1.0/#');
    try {
      const finished = await runTakt(['simulate', '--broker', url, '--speed', '120', '--duration', '3', '--seed', '5', '--no-opcua']);
      expect(finished.code, finished.stderr).toBe(0);
      expect(finished.stdout).toContain('7 machines on Sparkplug B');
      expect(finished.stdout).toContain('seed 5, speed 120x');
      expect(topics).toContain('spBv1.0/WERK-NORD/NBIRTH/GW-PRESS-1');
      expect(topics).toContain('spBv1.0/WERK-NORD/DDATA/GW-PRESS-1/PRESS-1');
      expect(topics.filter((t) => t.includes('/NDEATH/'))).toHaveLength(7);
    } finally {
      await watcher.endAsync();
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
