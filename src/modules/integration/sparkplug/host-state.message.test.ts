import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostStateMessage, parseHostState } from './host-state.message.js';

describe('host STATE message', () => {
  it('is retained QoS 1 JSON on spBv1.0/STATE/<host id>', () => {
    const message = hostStateMessage('takt', { online: false, timestamp: 1_700_000_000_123 });
    expect(message.topic).toBe('spBv1.0/STATE/takt');
    expect({ qos: message.qos, retain: message.retain }).toEqual({ qos: 1, retain: true });
    expect(JSON.parse(new TextDecoder().decode(message.payload))).toEqual({ online: false, timestamp: 1_700_000_000_123 });
  });

  it('parses what it writes (property)', () => {
    fc.assert(fc.property(fc.boolean(), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (online, timestamp) => {
      expect(parseHostState(hostStateMessage('h', { online, timestamp }).payload)).toEqual({ ok: true, state: { online, timestamp } });
    }));
  });

  it.each([
    ['OFFLINE'], ['{"online":"true","timestamp":1}'], ['{"online":true}'], ['{"online":true,"timestamp":-5}'], ['null'],
  ])('refuses %s without throwing', (raw) => {
    expect(parseHostState(new TextEncoder().encode(raw)).ok).toBe(false);
  });

  it('never throws on arbitrary bytes (property)', () => {
    fc.assert(fc.property(fc.uint8Array(), (bytes) => {
      expect(typeof parseHostState(bytes).ok).toBe('boolean');
    }));
  });
});
