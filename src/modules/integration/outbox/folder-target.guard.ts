import { mkdir, realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** True when `path` is `base` or lies below it (both absolute and normalised). */
export function isInside(base: string, path: string): boolean {
  const rel = relative(base, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * The folder a folder-drop subscription names, resolved against the allowed base (a relative target lies below it);
 * null when it would lie outside. Only the text is judged here; `ensureFolder` checks the real path again on disk.
 */
export function resolveFolderTarget(base: string, target: string): string | null {
  const root = resolve(base);
  const folder = resolve(root, target);
  return isInside(root, folder) ? folder : null;
}

/**
 * Creates the target folder if needed and returns its real path, refusing one that a symbolic link leads out of the
 * real base folder.
 */
export async function ensureFolder(base: string, folder: string): Promise<string> {
  const lexical = resolveFolderTarget(base, folder);
  if (lexical === null) throw new Error(`${folder} is outside the outbox folder ${base}`);
  await mkdir(lexical, { recursive: true });
  const [realBase, realFolder] = [await realpath(resolve(base)), await realpath(lexical)];
  if (!isInside(realBase, realFolder)) throw new Error(`${folder} leads outside the outbox folder ${base}`);
  return realFolder;
}
