import { reachable } from '../../../../test/support/tcp.js';
import { describe, it } from 'vitest';
import { hostFlowTests } from './sparkplug-host.flow.test-support.js';

const HOST = '127.0.0.1';
const PORT = 1883;
const onCI = process.env.CI === 'true';

const available = await reachable(HOST, PORT);
const why = `Mosquitto is not reachable at mqtt://${HOST}:${PORT} (start it with \`mosquitto -d -c /etc/mosquitto/mosquitto.conf\`)`;

describe('Sparkplug host on Mosquitto (MQTT 5)', () => {
  if (available) {
    hostFlowTests(() => `mqtt://${HOST}:${PORT}`, 5);
  } else if (onCI) {
    it('runs against Mosquitto, which CI must provide', () => {
      throw new Error(`${why}; on CI (CI=true) a missing Mosquitto is a failure.`);
    });
  } else {
    it('runs against Mosquitto', (ctx) => {
      ctx.skip(`${why}; skipped outside CI.`);
    });
  }
});
