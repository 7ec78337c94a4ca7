import { it } from 'vitest';
import { describeStores } from '../support/stores.js';
import { sparkplugMachineFlow } from '../support/sparkplug-machine.js';
import { reachable } from '../support/tcp.js';

const MOSQUITTO = { host: '127.0.0.1', port: 1883 };
const mosquitto = await reachable(MOSQUITTO.host, MOSQUITTO.port);
const onCi = process.env.CI === 'true';
const why = `Mosquitto is not reachable at mqtt://${MOSQUITTO.host}:${MOSQUITTO.port}`;

describeStores('Sparkplug B machine data through the embedded broker (ephemeral port, MQTT 3.1.1)', (dialect) => {
  sparkplugMachineFlow(dialect, 'embedded', 4);
});

describeStores('Sparkplug B machine data through Mosquitto (MQTT 5)', (dialect) => {
  if (mosquitto) sparkplugMachineFlow(dialect, { url: `mqtt://${MOSQUITTO.host}:${MOSQUITTO.port}` }, 5);
  else if (onCi) it('runs against Mosquitto, which CI must provide', () => { throw new Error(`${why}; on CI (CI=true) a missing Mosquitto is a failure`); });
  else it('runs against Mosquitto', (ctx) => ctx.skip(`${why}; skipped outside CI`));
});

