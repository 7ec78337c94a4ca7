import type { SparkplugPayload } from './sparkplug-payload.types.js';
import { payloadType } from './sparkplug.schema.js';
import { payloadFromWire } from './sparkplug-wire.decoder.js';
import { payloadToWire } from './sparkplug-wire.encoder.js';
import { SparkplugWireError } from './sparkplug-wire.numbers.js';

export type PayloadDecodeFailure = 'malformed-protobuf' | 'value-out-of-range';

export type PayloadDecodeResult =
  | { readonly ok: true; readonly payload: SparkplugPayload }
  | { readonly ok: false; readonly reason: PayloadDecodeFailure; readonly detail: string };

/**
 * Decodes a Sparkplug B payload. Never throws: bytes that are not a valid protobuf Payload give
 * `malformed-protobuf`, and a timestamp or seq beyond 2^53-1 gives `value-out-of-range`.
 * Unknown fields (third-party extensions) are skipped, as protobuf requires.
 */
export function decodePayload(bytes: Uint8Array): PayloadDecodeResult {
  let message: object;
  try {
    message = payloadType.decode(bytes);
  } catch (error) {
    return { ok: false, reason: 'malformed-protobuf', detail: error instanceof Error ? error.message : String(error) };
  }
  try {
    return { ok: true, payload: payloadFromWire(message) };
  } catch (error) {
    if (error instanceof SparkplugWireError) return { ok: false, reason: 'value-out-of-range', detail: error.message };
    return { ok: false, reason: 'malformed-protobuf', detail: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Encodes a payload to Sparkplug B protobuf bytes that any conformant Sparkplug decoder reads back
 * to the same content. Throws RangeError when a number does not fit its wire field (a caller bug,
 * not a received-data condition).
 */
export function encodePayload(payload: SparkplugPayload): Uint8Array {
  return payloadType.encode(payloadToWire(payload)).finish();
}
