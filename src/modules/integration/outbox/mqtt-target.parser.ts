/** A broker and a topic. */
export interface MqttTarget {
  readonly url: string;
  readonly topic: string;
}

const BROKER_URL = /^(mqtts?|wss?):\/\//i;

/**
 * The broker and topic of an MQTT subscription target: `mqtt://host:port/a/b` publishes to topic `a/b` on that
 * broker; a bare topic uses the default broker (TAKT_MQTT_URL). Null with the reason when neither works: no broker,
 * an empty topic, or wildcards (`+`, `#`), which name no topic to publish to.
 */
export function parseMqttTarget(target: string, defaultUrl: string | null): { ok: true; value: MqttTarget } | { ok: false; reason: string } {
  let url: string;
  let topic: string;
  if (BROKER_URL.test(target)) {
    let parsed: URL;
    try {
      parsed = new URL(target);
      topic = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
    } catch {
      return { ok: false, reason: 'is not a valid URL' };
    }
    // `#` and `?` end a URL's path: a topic with them would be cut short, so they must be percent-encoded.
    if (/[#?]/.test(target)) return { ok: false, reason: 'has a # or ? that would cut the topic short: percent-encode it (a topic to publish to has no wildcards)' };
    parsed.pathname = '';
    url = parsed.toString().replace(/\/$/, '');
  } else {
    if (defaultUrl === null) return { ok: false, reason: 'names a topic but no broker: give mqtt://host:port/topic or set TAKT_MQTT_URL' };
    url = defaultUrl;
    topic = target;
  }
  if (topic === '') return { ok: false, reason: 'names no topic' };
  if (/[+#]/.test(topic) || topic.includes('\u0000')) return { ok: false, reason: 'a topic to publish to has no wildcards (+, #)' };
  return { ok: true, value: { url, topic } };
}
