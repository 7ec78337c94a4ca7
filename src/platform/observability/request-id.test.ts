import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { TokenService } from '../auth/token.service.js';
import { buildApp } from '../http/app.js';
import { isWellFormedRequestId } from './request-id.js';

/** An app logging JSON lines into an array, with a route that logs twice and one that fails. */
async function appWithLogs(): Promise<{ app: Awaited<ReturnType<typeof buildApp>>; lines: Record<string, unknown>[] }> {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(l) as Record<string, unknown>);
      done();
    },
  });
  const logger = { level: 'info', stream };
  const app = await buildApp({ tokens: {} as TokenService, resolveActor: async () => null, ready: () => true, logger });
  app.get('/probe', { config: { public: true } }, async (req) => {
    req.log.info('first line of the handler');
    req.log.warn('second line of the handler');
    return { ok: true };
  });
  app.get('/boom', { config: { public: true } }, async () => {
    throw new Error('the store went away');
  });
  await app.ready();
  return { app, lines };
}

describe('request ids', () => {
  it('accepts short printable ids and refuses ones that could forge a log line or a header', () => {
    expect(isWellFormedRequestId('3f1c2a9e-0b1d-4c55-9d2e-7d1f9a0c1b2e')).toBe(true);
    expect(isWellFormedRequestId('lb-01:req/42')).toBe(true);
    for (const bad of ['', 'a b', 'x\ny', '"quoted"', 'x'.repeat(129), 'ü', undefined, ['a', 'b']]) expect(isWellFormedRequestId(bad)).toBe(false);
  });

  it('honours a well-formed X-Request-Id: echoed in the answer and on every log line of the request', async () => {
    const { app, lines } = await appWithLogs();
    const r = await app.inject({ method: 'GET', url: '/probe', headers: { 'x-request-id': 'edge-proxy-4711' } });
    expect(r.headers['x-request-id']).toBe('edge-proxy-4711');
    const mine = lines.filter((l) => l.reqId === 'edge-proxy-4711');
    expect(mine.map((l) => l.msg)).toEqual(expect.arrayContaining(['incoming request', 'first line of the handler', 'second line of the handler', 'request completed']));
    expect(lines.filter((l) => l.reqId !== undefined && l.reqId !== 'edge-proxy-4711')).toEqual([]);
    await app.close();
  });

  it('replaces a malformed X-Request-Id by a new one, and gives each request its own', async () => {
    const { app, lines } = await appWithLogs();
    const a = await app.inject({ method: 'GET', url: '/probe', headers: { 'x-request-id': 'evil\u0007"id' } });
    const b = await app.inject({ method: 'GET', url: '/probe' });
    const ids = [a.headers['x-request-id'], b.headers['x-request-id']];
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[0]).not.toBe(ids[1]);
    expect(lines.some((l) => String(l.reqId).includes('evil'))).toBe(false);
    await app.close();
  });

  it('puts the request id in the problem body of a 5xx and on the logged error', async () => {
    const { app, lines } = await appWithLogs();
    const r = await app.inject({ method: 'GET', url: '/boom', headers: { 'x-request-id': 'req-500' } });
    expect(r.statusCode).toBe(500);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.json()).toMatchObject({ status: 500, requestId: 'req-500' });
    expect(r.body).not.toContain('the store went away');
    const logged = lines.find((l) => l.msg === 'unhandled error');
    expect(logged).toMatchObject({ reqId: 'req-500', err: { message: 'the store went away' } });
    await app.close();
  });

  it('keeps the request id out of 4xx bodies (only its header)', async () => {
    const { app } = await appWithLogs();
    const r = await app.inject({ method: 'GET', url: '/nowhere', headers: { 'x-request-id': 'req-404' } });
    expect(r.statusCode).toBe(404);
    expect(r.headers['x-request-id']).toBe('req-404');
    expect(r.json()).not.toHaveProperty('requestId');
    await app.close();
  });
});
