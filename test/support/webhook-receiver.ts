import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the receiver got. */
export interface Received {
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
  readonly at: number;
}

/** What the receiver answers a request with: a status, optionally after a delay. */
export type Responder = (r: Received, index: number) => { status: number; delayMs?: number };

/**
 * A webhook receiver on an ephemeral port, as an ERP connector would run one: it records every request and answers
 * what the responder says (200 by default). It can stop and start again on the same port (a receiver that is down).
 */
export class WebhookReceiver {
  readonly received: Received[] = [];
  responder: Responder = () => ({ status: 200 });
  private server: Server | null = null;
  private port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}/hook`;
  }

  async start(): Promise<this> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const r: Received = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() };
        const index = this.received.push(r) - 1;
        const { status, delayMs } = this.responder(r, index);
        const answer = () => res.writeHead(status, { 'content-type': 'text/plain' }).end('ok');
        if (delayMs) setTimeout(answer, delayMs);
        else answer();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The distinct message ids received, in first-arrival order. */
  messageIds(): string[] {
    return [...new Set(this.received.map((r) => String(r.headers['x-takt-message-id'])))];
  }
}

/** Waits until `check` holds (polling), failing with `what` after `timeoutMs`. */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
