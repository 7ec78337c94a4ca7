import { createHmac } from 'node:crypto';
import type { OutboundMessage, Transport } from './transport.types.js';

export const SIGNATURE_HEADER = 'x-takt-signature';
export const MESSAGE_ID_HEADER = 'x-takt-message-id';
export const EVENT_HEADER = 'x-takt-event';

/** `sha256=<hex HMAC-SHA256 of the body with the secret>`: what a receiver recomputes to trust a webhook. */
export function webhookSignature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/**
 * Webhooks: an HTTP POST of the message to the target URL with its id, event type and signature as headers. A 2xx
 * is delivered; anything else (another status, a redirect, a refused connection, a timeout) is a failed attempt.
 */
export function webhookTransport(options: { readonly timeoutMs: number }): Transport {
  return {
    async send(m: OutboundMessage, signal: AbortSignal): Promise<void> {
      const headers: Record<string, string> = {
        'content-type': m.contentType,
        'user-agent': 'Takt-Outbox/1',
        [MESSAGE_ID_HEADER]: m.id,
        [EVENT_HEADER]: m.eventType,
      };
      if (m.secret !== null) headers[SIGNATURE_HEADER] = webhookSignature(m.secret, m.payload);
      const res = await fetch(m.target, {
        method: 'POST', headers, body: m.payload,
        // A redirect could lead the signed message anywhere: it counts as a failure, never followed.
        redirect: 'manual',
        signal: AbortSignal.any([signal, AbortSignal.timeout(options.timeoutMs)]),
      });
      await res.body?.cancel().catch(() => undefined);
      if (res.status < 200 || res.status >= 300) throw new Error(`HTTP ${res.status} from ${new URL(m.target).host}`);
    },
    async close() {},
  };
}
