import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

/** The web UI: source in src/ui, built to dist/ui, which Takt serves at `/` (src/modules/ui-host). */
export default defineConfig({
  root: fileURLToPath(new URL('./src/ui', import.meta.url)),
  base: '/',
  plugins: [preact()],
  build: {
    outDir: process.env.TAKT_UI_OUT_DIR ?? fileURLToPath(new URL('./dist/ui', import.meta.url)),
    emptyOutDir: true,
    // No inline polyfill script, so the strict Content-Security-Policy (script-src 'self') holds.
    modulePreload: { polyfill: false },
    target: 'es2022',
    chunkSizeWarningLimit: 600,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/health': 'http://127.0.0.1:3000' } },
});
