#!/usr/bin/env node
// The `takt` command: runs the compiled CLI when `npm run build` made one, else the TypeScript source through tsx,
// so that a fresh clone works without a build step.
/* global URL */
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/src/cli.js', import.meta.url);
let cli;
if (existsSync(compiled)) {
  cli = await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import(new URL('../src/cli.ts', import.meta.url).href);
}
process.exitCode = await cli.main(process.argv);
