import { createServer, type AddressInfo, type Server } from 'node:net';
import { Aedes } from 'aedes';

export interface EmbeddedBroker {
  /** `mqtt://host:port` where it listens. */
  readonly url: string;
  readonly port: number;
  /** The port asked for, when it was taken and another one was used instead. */
  readonly fellBackFrom: number | null;
  close(): Promise<void>;
}

export interface EmbeddedBrokerOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** When the port is taken: try this many following ports, then a free one (default 10). */
  readonly fallbackAttempts?: number;
  readonly onFallback?: (taken: number, next: number | 'any') => void;
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

const inUse = (error: unknown): boolean => typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'EADDRINUSE';

/**
 * Starts an MQTT broker (aedes) inside the process, for a Takt without an external broker. When the port is taken
 * (on many machines a Mosquitto already holds 1883) it says so through `onFallback` and tries the next ports, then any
 * free one, so the machines and the simulator still have somewhere to publish; `url` tells where.
 */
export async function startEmbeddedBroker(options: EmbeddedBrokerOptions): Promise<EmbeddedBroker> {
  const broker = await Aedes.createBroker();
  const server = createServer(broker.handle);
  const attempts = options.fallbackAttempts ?? 10;
  const candidates = options.port === 0 ? [0] : [...Array.from({ length: attempts + 1 }, (_, i) => options.port + i).filter((p) => p <= 65535), 0];
  let port: number | undefined;
  for (const [i, candidate] of candidates.entries()) {
    try {
      port = await listen(server, options.host, candidate);
      break;
    } catch (error) {
      if (!inUse(error) || i === candidates.length - 1) {
        await new Promise<void>((resolve) => broker.close(() => resolve()));
        throw error;
      }
      const next = candidates[i + 1];
      options.onFallback?.(candidate, next === undefined || next === 0 ? 'any' : next);
    }
  }
  const bound = port as number;
  return {
    url: `mqtt://${options.host}:${bound}`,
    port: bound,
    fellBackFrom: bound === options.port || options.port === 0 ? null : options.port,
    async close() {
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
