import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUiHost, UI_CONTENT_SECURITY_POLICY } from './ui-host.routes.js';

describe('the web UI host', () => {
  let root: string;
  let app: FastifyInstance;
  let missing: FastifyInstance;

  const make = async (dir: string): Promise<FastifyInstance> => {
    const a = Fastify();
    a.get('/api/v1/things', async () => ({ items: [] }));
    a.get('/health', async () => ({ status: 'ok' }));
    a.setNotFoundHandler((_req, reply) => reply.code(404).type('application/problem+json').send({ status: 404 }));
    registerUiHost(a, { dir, buildOnListen: false });
    await a.ready();
    return a;
  };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'takt-ui-'));
    const dir = join(root, 'ui');
    mkdirSync(join(dir, 'assets'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Takt</title>');
    writeFileSync(join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
    writeFileSync(join(root, 'secret.txt'), 'not for the browser');
    app = await make(dir);
    missing = await make(join(root, 'not-built'));
  });

  afterAll(async () => {
    await app.close();
    await missing.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers every page of the app with index.html, under a strict content security policy', async () => {
    for (const url of ['/', '/terminal', '/orders/WO-1', '/lots/L%2F1', '/master-data?x=1']) {
      const r = await app.inject({ method: 'GET', url });
      expect(r.statusCode, url).toBe(200);
      expect(r.body).toContain('<title>Takt</title>');
      expect(r.headers['content-security-policy']).toBe(UI_CONTENT_SECURITY_POLICY);
      expect(r.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves the hashed assets for a year and leaves the API, health and missing files to their own answers', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/index-abc.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await app.inject({ method: 'GET', url: '/api/v1/things' })).json()).toEqual({ items: [] });
    expect((await app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok' });
    for (const url of ['/api/v1/nothing', '/api', '/assets/missing.js', '/favicon.ico']) {
      const r = await app.inject({ method: 'GET', url });
      expect(r.statusCode, url).toBe(404);
      expect(r.headers['content-type'], url).toContain('application/problem+json');
    }
  });

  it('never serves a file outside the UI folder', async () => {
    for (const url of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00']) {
      const r = await app.inject({ method: 'GET', url });
      expect(r.body, url).not.toContain('not for the browser');
    }
  });

  it('says the UI is not built (503, retry) rather than failing, while the API keeps answering', async () => {
    const r = await missing.inject({ method: 'GET', url: '/terminal' });
    expect(r.statusCode).toBe(503);
    expect(r.headers['retry-after']).toBe('3');
    expect(r.body).toContain('npm run build');
    expect((await missing.inject({ method: 'GET', url: '/api/v1/things' })).statusCode).toBe(200);
  });
});
