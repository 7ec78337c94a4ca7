import { existsSync } from 'node:fs';
import type { Takt } from '../main.js';

/** A user the demo plant created, with the password to sign in as them. */
export interface DemoUser {
  readonly username: string;
  readonly password: string;
  readonly role: string;
}

export type LoadDemoPlant = (takt: Takt) => Promise<{ users: readonly DemoUser[] }>;

/**
 * The demo plant's loader, or null while src/demo/demo-plant.ts is not written yet. Once it exists, this guard
 * is to be replaced by a static `import { loadDemoPlant } from '../demo/demo-plant.js'`.
 */
export async function demoPlantLoader(): Promise<LoadDemoPlant | null> {
  const compiled = new URL('../demo/demo-plant.js', import.meta.url);
  if (!existsSync(compiled) && !existsSync(new URL('../demo/demo-plant.ts', import.meta.url))) return null;
  // A specifier held in a variable, so that type-checking passes before the module exists.
  const specifier: string = compiled.href;
  const module = (await import(specifier)) as { loadDemoPlant?: LoadDemoPlant };
  return module.loadDemoPlant ?? null;
}
