import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { xmlRegisterInputProvider } from 'libxml2-wasm';

/**
 * libxml2 (in wasm) reads xsd:include/xsd:import targets through registered input providers.
 * This one answers only for files inside folders explicitly allowed, so resolving schemas can never
 * be turned into reading arbitrary files.
 */
const allowedFolders = new Set<string>();
let registered = false;

/** Lets libxml2 read schema files below `folder` (absolute). Idempotent. */
export function allowSchemaFolder(folder: string): void {
  allowedFolders.add(path.resolve(folder) + path.sep);
  if (!registered) {
    registered = xmlRegisterInputProvider({
      match: (name) => {
        const file = toPath(name);
        return file !== null && isAllowed(file) && fs.existsSync(file);
      },
      open: (name) => {
        const file = toPath(name);
        if (file === null || !isAllowed(file)) return undefined;
        try {
          return fs.openSync(file, 'r');
        } catch {
          return undefined;
        }
      },
      read: (fd, buffer) => {
        try {
          return fs.readSync(fd, buffer, 0, buffer.byteLength, null);
        } catch {
          return -1;
        }
      },
      close: (fd) => {
        try {
          fs.closeSync(fd);
        } catch {
          // already closed: nothing left to release
        }
        return true;
      },
    });
  }
}

function isAllowed(file: string): boolean {
  for (const folder of allowedFolders) if (file.startsWith(folder)) return true;
  return false;
}

function toPath(name: string): string | null {
  try {
    return name.startsWith('file:') ? path.resolve(fileURLToPath(name)) : path.resolve(name);
  } catch {
    return null;
  }
}
