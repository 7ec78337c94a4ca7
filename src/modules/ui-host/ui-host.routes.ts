import { statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { buildUiIfMissing, uiBuildState, type UiBuildState } from './ui-build.js';
import { isBuilt, uiDirectory } from './ui-location.js';

/** What the browser may load on UI pages: only Takt itself (no inline script, no third party). */
export const UI_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export interface UiHostOptions {
  /** The built UI folder (default: TAKT_UI_DIR or dist/ui). */
  readonly dir?: string;
  /** Build the UI when the server starts listening and it is missing (default: yes, except under the test runner,
   *  whose browser tests build their own copy). */
  readonly buildOnListen?: boolean;
}

/** Paths the UI never answers: the API and the server's own endpoints keep their 404s. */
function reserved(path: string): boolean {
  return path === '/api' || path.startsWith('/api/') || path === '/health' || path === '/metrics';
}

/** The file a request path names inside the UI folder, or null (outside it, missing, or a folder). */
function fileIn(dir: string, path: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  if (relative === '' || relative.startsWith('..')) return null;
  const full = join(dir, relative);
  if (!full.startsWith(dir + sep)) return null;
  try {
    return statSync(full).isFile() ? relative : null;
  } catch {
    return null;
  }
}

const WAIT_TEXT: Record<UiBuildState, string> = {
  built: '',
  building: 'The Takt web UI is being built. This page reloads by itself in a few seconds.',
  failed: 'The Takt web UI could not be built. Run "npm run build" and look at its output. The API works: see /api/docs.',
  unavailable: 'The Takt web UI is not built. Run "npm run build". The API works: see /api/docs.',
};

function waitPage(reply: FastifyReply, state: UiBuildState): FastifyReply {
  const refresh = state === 'building' ? '<meta http-equiv="refresh" content="3">' : '';
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">${refresh}<title>Takt</title></head>` +
    `<body style="font:20px system-ui,sans-serif;margin:3rem;color:#1b2430"><h1>Takt</h1><p role="status">${WAIT_TEXT[state]}</p></body></html>`;
  return reply.code(503).header('retry-after', '3').header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
}

/**
 * Serves the web UI at `/`: its files, and index.html for every other non-API path so that the browser's routes
 * (/terminal, /orders/:id, ...) load directly. The API, /health and unknown /api paths keep their own answers.
 * A missing UI is built on the first listen; until it exists, UI paths answer 503 with a page that says so.
 */
export function registerUiHost(app: FastifyInstance, options: UiHostOptions = {}): void {
  const dir = options.dir ?? uiDirectory();
  void app.register(fastifyStatic, { serve: false });
  if (options.buildOnListen ?? process.env.VITEST === undefined) {
    app.addHook('onListen', async () => {
      if (!isBuilt(dir)) void buildUiIfMissing(dir, { info: (m) => app.log.info(m), warn: (m) => app.log.warn(m) });
    });
  }
  app.get('/*', { config: { public: true }, schema: { hide: true } }, async (req, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    if (reserved(path)) {
      reply.callNotFound();
      return reply;
    }
    if (!isBuilt(dir)) return waitPage(reply, uiBuildState(dir));
    const file = fileIn(dir, path);
    if (file && file !== 'index.html') {
      const immutable = file.startsWith(`assets${sep}`) || file.startsWith('assets/');
      reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      return reply.sendFile(file, dir, { cacheControl: false });
    }
    // A path with a file extension that does not exist is a missing file, not a page of the app.
    if (file !== 'index.html' && /\.[a-z0-9]+$/i.test(path)) {
      reply.callNotFound();
      return reply;
    }
    reply.header('cache-control', 'no-cache').header('content-security-policy', UI_CONTENT_SECURITY_POLICY);
    return reply.sendFile('index.html', dir, { cacheControl: false });
  });
}
