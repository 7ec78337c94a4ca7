import { existsSync } from 'node:fs';
import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AnchorError } from './anchor-key.js';

/** The end of an anchor file: its last line (null while it has none) and whether that line was cut short. */
export interface AnchorFileTail {
  readonly last: string | null;
  /** The file does not end with a newline: a write was cut off (a crash); the next line must not join it. */
  readonly torn: boolean;
}

const NEWLINE = 0x0a;
const FIRST_READ = 64 * 1024;

/** Reads only as much of the end of the file as its last line takes (an anchor file grows for years). */
export async function readAnchorTail(file: string): Promise<AnchorFileTail> {
  if (!existsSync(file)) return { last: null, torn: false };
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size === 0) return { last: null, torn: false };
    for (let length = Math.min(size, FIRST_READ); ; length = Math.min(size, length * 2)) {
      const buffer = Buffer.alloc(length);
      await handle.read(buffer, 0, length, size - length);
      const torn = buffer[length - 1] !== NEWLINE;
      const body = torn ? buffer : buffer.subarray(0, length - 1);
      const start = body.lastIndexOf(NEWLINE);
      if (start >= 0 || length === size) return { last: body.subarray(start + 1).toString('utf8'), torn };
    }
  } finally {
    await handle.close();
  }
}

/**
 * Appends one line and waits until it is on disk (fsync; the folder too when the file is new, so the file itself
 * survives a crash). Opened for appending only: what is there is never rewritten. After a torn last line a newline
 * goes first, so that line stays on its own.
 */
export async function appendAnchorLine(file: string, line: string, afterTorn: boolean): Promise<void> {
  const folder = dirname(file);
  await mkdir(folder, { recursive: true });
  const created = !existsSync(file);
  const handle = await open(file, 'a', 0o644);
  try {
    await handle.write(`${afterTorn ? '\n' : ''}${line}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  if (created) {
    const dir = await open(folder, 'r');
    // Some file systems refuse to sync a folder; the line itself is on disk already.
    await dir.sync().catch(() => undefined).finally(() => dir.close());
  }
}

/** Every line of an anchor file, in order (a final newline ends the last line, it does not start an empty one). */
export async function readAnchorLines(file: string): Promise<string[]> {
  if (!existsSync(file)) throw new AnchorError(`no anchor file at ${file} (give --anchors FILE or TAKT_ANCHOR_FILE)`);
  const text = await readFile(file, 'utf8');
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}
