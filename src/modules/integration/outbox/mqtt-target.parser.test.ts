import { describe, expect, it } from 'vitest';
import { parseMqttTarget } from './mqtt-target.parser.js';

describe('MQTT targets', () => {
  it('takes the broker and the topic from an mqtt:// URL', () => {
    expect(parseMqttTarget('mqtt://broker:1883/takt/erp/performance', null)).toEqual({ ok: true, value: { url: 'mqtt://broker:1883', topic: 'takt/erp/performance' } });
    expect(parseMqttTarget('mqtts://u:p@broker:8883/a%20b', null)).toEqual({ ok: true, value: { url: 'mqtts://u:p@broker:8883', topic: 'a b' } });
  });

  it('publishes a bare topic on the default broker, and needs one', () => {
    expect(parseMqttTarget('plant/events', 'mqtt://localhost:1883')).toEqual({ ok: true, value: { url: 'mqtt://localhost:1883', topic: 'plant/events' } });
    expect(parseMqttTarget('plant/events', null)).toMatchObject({ ok: false, reason: expect.stringContaining('TAKT_MQTT_URL') });
  });

  it('refuses wildcards and an empty topic', () => {
    expect(parseMqttTarget('plant/+/events', 'mqtt://h')).toMatchObject({ ok: false });
    expect(parseMqttTarget('mqtt://h:1883/plant/#', null)).toMatchObject({ ok: false });
    expect(parseMqttTarget('mqtt://h:1883/', null)).toMatchObject({ ok: false, reason: 'names no topic' });
  });
});
