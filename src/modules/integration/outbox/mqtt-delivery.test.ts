import { createServer, type AddressInfo, type Server } from 'node:net';
import { Aedes } from 'aedes';
import { connectAsync, type MqttClient } from 'mqtt';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeStores } from '../../../../test/support/stores.js';
import { startIntegrationTakt, type IntegrationTakt } from '../../../../test/support/integration-takt.js';
import { eventually } from '../../../../test/support/webhook-receiver.js';

describeStores('MQTT delivery (embedded aedes broker)', (dialect) => {
  let broker: Aedes;
  let server: Server;
  let url = '';
  let t: IntegrationTakt & { release(): Promise<void> };
  let listener: MqttClient;
  const got: { topic: string; payload: string; qos: number }[] = [];

  beforeAll(async () => {
    broker = await Aedes.createBroker();
    server = createServer(broker.handle);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `mqtt://127.0.0.1:${(server.address() as AddressInfo).port}`;
    listener = await connectAsync(url, { clientId: `listener-${dialect}`, reconnectPeriod: 0 });
    listener.on('message', (topic, payload, packet) => got.push({ topic, payload: payload.toString('utf8'), qos: packet.qos }));
    await listener.subscribeAsync('plant/#', { qos: 1 });
    t = await startIntegrationTakt(dialect, { schemas: null, mqttUrl: url, outbox: { pollMs: 30, baseDelayMs: 30, maxAttempts: 3, timeoutMs: 1500 } });
  });
  afterAll(async () => {
    await t.close();
    await t.release();
    await listener.endAsync(true);
    await new Promise<void>((resolve) => broker.close(() => resolve()));
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('publishes each message at QoS 1 to the topic, on the default broker or the one in the target', async () => {
    const onDefault = await t.call('POST', '/api/v1/integration/subscriptions', { as: 'integration', body: { kind: 'mqtt', target: 'plant/takt/materials', events: ['material.created'] } });
    const explicit = await t.call('POST', '/api/v1/integration/subscriptions', { as: 'integration', body: { kind: 'mqtt', target: `${url}/plant/takt/sites`, events: ['*'] } });
    expect([onDefault.status, explicit.status]).toEqual([201, 201]);
    await t.call('PUT', '/api/v1/materials/MQ-1', { body: { name: 'via mqtt', uom: 'kg', lotControlled: true } });
    await eventually(() => got.some((m) => m.topic === 'plant/takt/materials') && got.some((m) => m.topic === 'plant/takt/sites'), 'both topics');
    const onMaterials = got.filter((m) => m.topic === 'plant/takt/materials');
    expect(onMaterials).toHaveLength(1);
    const body = JSON.parse(onMaterials[0]?.payload ?? '{}') as { messageId: string; action: string; entityId: string };
    expect(body).toMatchObject({ action: 'material.created', entityId: 'MQ-1', messageId: expect.stringMatching(new RegExp(`^${onDefault.body.id}-\\d+$`)) });
    expect(onMaterials[0]?.qos).toBe(1);
    const delivered = (await t.call('GET', `/api/v1/integration/deliveries?subscriptionId=${onDefault.body.id}`, { as: 'integration' })).body.items;
    expect(delivered).toEqual([expect.objectContaining({ id: body.messageId, status: 'delivered', attempts: 1 })]);
  });

  it('counts an unreachable broker as a failed attempt and ends in the dead letters', async () => {
    const sub = await t.call('POST', '/api/v1/integration/subscriptions', { as: 'integration', body: { kind: 'mqtt', target: 'mqtt://127.0.0.1:9/plant/nowhere', events: ['material.created'] } });
    await t.call('PUT', '/api/v1/materials/MQ-2', { body: { name: 'nowhere', uom: 'kg', lotControlled: true } });
    const dead = `/api/v1/integration/deliveries?status=dead&subscriptionId=${sub.body.id}`;
    await eventually(async () => (await t.call('GET', dead, { as: 'integration' })).body.items.length === 1, 'a dead letter');
    expect((await t.call('GET', dead, { as: 'integration' })).body.items[0]).toMatchObject({ attempts: 3, lastError: expect.stringMatching(/ECONNREFUSED|connect/) });
  });
});
