import { formatSparkplugTopic } from './sparkplug-topic.parser.js';

/**
 * The Host Application STATE certificate of Sparkplug 3.0 (section 4.2.x, tck-id-host-topic-phid-*):
 * UTF-8 JSON `{"online": <bool>, "timestamp": <ms since epoch, UTC>}` on `spBv1.0/STATE/<host_id>`,
 * QoS 1, retained. The Will (death) is registered in CONNECT with `online: false`; the birth published
 * after subscribing carries the same timestamp as that Will
 * (tck-id-host-topic-phid-birth-payload-timestamp), so edge nodes can tell sessions apart.
 */
export interface HostState {
  readonly online: boolean;
  readonly timestamp: number;
}

export interface HostStateMessage {
  readonly topic: string;
  readonly payload: Uint8Array;
  readonly qos: 1;
  readonly retain: true;
}

export type HostStateParseResult =
  | { readonly ok: true; readonly state: HostState }
  | { readonly ok: false; readonly detail: string };

/** Builds the retained QoS 1 STATE message for `hostId`; usable both as the MQTT Will and as the birth. */
export function hostStateMessage(hostId: string, state: HostState): HostStateMessage {
  const json = JSON.stringify({ online: state.online, timestamp: state.timestamp });
  return {
    topic: formatSparkplugTopic({ kind: 'state', hostId }),
    payload: new TextEncoder().encode(json),
    qos: 1,
    retain: true,
  };
}

/** Parses a STATE payload. Never throws; anything but the 3.0 JSON shape is reported. */
export function parseHostState(payload: Uint8Array): HostStateParseResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload));
  } catch (error) {
    return { ok: false, detail: `not UTF-8 JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (typeof parsed !== 'object' || parsed === null) return { ok: false, detail: 'not a JSON object' };
  const { online, timestamp } = parsed as Record<string, unknown>;
  if (typeof online !== 'boolean') return { ok: false, detail: '"online" is not a boolean' };
  if (typeof timestamp !== 'number' || !Number.isSafeInteger(timestamp) || timestamp < 0) {
    return { ok: false, detail: '"timestamp" is not a non-negative integer' };
  }
  return { ok: true, state: { online, timestamp } };
}
