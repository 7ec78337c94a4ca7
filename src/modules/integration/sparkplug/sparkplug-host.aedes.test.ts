import { createServer, type AddressInfo, type Server } from 'node:net';
import { Aedes } from 'aedes';
import { afterAll, beforeAll, describe } from 'vitest';
import { hostFlowTests } from './sparkplug-host.flow.test-support.js';

describe('Sparkplug host on an embedded aedes broker (MQTT 3.1.1)', () => {
  let broker: Aedes;
  let server: Server;
  let url = '';

  beforeAll(async () => {
    broker = await Aedes.createBroker();
    server = createServer(broker.handle);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `mqtt://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => broker.close(() => resolve()));
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  hostFlowTests(() => url, 4);
});
