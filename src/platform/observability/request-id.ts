import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The response (and incoming) header carrying the request id. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** A request id we pass on as given: short, printable, no spaces or quotes (it lands in logs and headers). */
const WELL_FORMED = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

export function isWellFormedRequestId(value: unknown): value is string {
  return typeof value === 'string' && WELL_FORMED.test(value);
}

/**
 * The id of a request: the caller's X-Request-Id when well formed (so a proxy's or a client's id follows the request
 * through our logs), otherwise a new UUID. An ill-formed one is never echoed, so it cannot forge log lines.
 */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers[REQUEST_ID_HEADER];
  return isWellFormedRequestId(given) ? given : randomUUID();
}
