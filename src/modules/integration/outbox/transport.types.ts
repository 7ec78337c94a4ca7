/** One message on its way to one subscriber. */
export interface OutboundMessage {
  /** The stable message id: the same on every attempt, so the receiver can take the effect once. */
  readonly id: string;
  readonly eventType: string;
  readonly contentType: string;
  readonly payload: string;
  readonly target: string;
  readonly secret: string | null;
}

/**
 * A way out (webhook, folder, MQTT). `send` resolves once the receiver has the message (a 2xx, a renamed file, a
 * PUBACK) and rejects with the reason otherwise; `signal` aborts an attempt when the dispatcher stops.
 */
export interface Transport {
  send(message: OutboundMessage, signal: AbortSignal): Promise<void>;
  close(): Promise<void>;
}
