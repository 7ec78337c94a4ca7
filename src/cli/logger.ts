import { Writable } from 'node:stream';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '../config.js';

const LEVEL_NAMES: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const OMITTED = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'v', 'req', 'res', 'reqId', 'responseTime']);

/** One pino JSON record as one short human line, local time: `12:00:00.123 INFO  message key=value`. */
export function prettyLine(record: Record<string, unknown>): string {
  const at = typeof record.time === 'number' ? new Date(record.time) : null;
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  const time = at ? `${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}.${pad(at.getMilliseconds(), 3)}` : '';
  const level = (LEVEL_NAMES[Number(record.level)] ?? String(record.level)).padEnd(5);
  const parts = [time, level, typeof record.msg === 'string' ? record.msg : ''];
  const req = record.req as { method?: string; url?: string } | undefined;
  const res = record.res as { statusCode?: number } | undefined;
  if (req?.method) parts.push(`${req.method} ${req.url ?? ''}`);
  if (res?.statusCode !== undefined) parts.push(String(res.statusCode));
  if (typeof record.responseTime === 'number') parts.push(`${record.responseTime.toFixed(1)}ms`);
  for (const [key, value] of Object.entries(record)) {
    if (OMITTED.has(key)) continue;
    parts.push(`${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  }
  return parts.filter((p) => p !== '').join(' ');
}

/** A stream that turns pino's JSON lines into pretty lines on stdout (for a terminal; no worker thread). */
function prettyStream(): Writable {
  let pending = '';
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      pending += chunk.toString('utf8');
      let newline = pending.indexOf('\n');
      while (newline >= 0) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        try {
          process.stdout.write(`${prettyLine(JSON.parse(line) as Record<string, unknown>)}\n`);
        } catch {
          process.stdout.write(`${line}\n`);
        }
        newline = pending.indexOf('\n');
      }
      done();
    },
  });
}

/** What both our own lines and the HTTP server's request lines are written with. */
export interface LogSetup {
  readonly logger: Logger;
  /** Options for the HTTP server's logger: the same level, the same stream. */
  readonly serverLogger: { level: string; stream: DestinationStream };
}

/**
 * Logs with pino: pretty one-line records when stdout is a terminal, JSON lines otherwise (for log collectors).
 */
export function createLogger(level: LogLevel, pretty: boolean = process.stdout.isTTY === true): LogSetup {
  const stream: DestinationStream = pretty ? prettyStream() : pino.destination({ dest: 1, sync: true });
  return { logger: pino({ level, base: { pid: process.pid } }, stream), serverLogger: { level, stream } };
}
