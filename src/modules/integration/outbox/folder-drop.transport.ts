import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ensureFolder } from './folder-target.guard.js';
import type { OutboundMessage, Transport } from './transport.types.js';

/** The file a message lands in: its id, with the extension of its content. */
export function dropFileName(m: Pick<OutboundMessage, 'id' | 'contentType'>): string {
  return `${m.id}${m.contentType.includes('xml') ? '.xml' : '.json'}`;
}

/**
 * Folder drops: the message is written to a hidden temporary file in the target folder, flushed to disk, then
 * renamed to its final name, so a reader polling the folder sees a whole file or none. The same message again
 * replaces its file with the same content.
 */
export function folderDropTransport(options: { readonly base: string | null }): Transport {
  return {
    async send(m: OutboundMessage): Promise<void> {
      if (options.base === null) throw new Error('no outbox folder is configured (TAKT_OUTBOX_DIR)');
      const folder = await ensureFolder(options.base, m.target);
      const temp = join(folder, `.${m.id}.tmp`);
      const file = await open(temp, 'w', 0o640);
      try {
        await file.writeFile(m.payload, 'utf8');
        await file.sync();
      } catch (error) {
        await file.close();
        await rm(temp, { force: true });
        throw error;
      }
      await file.close();
      await rename(temp, join(folder, dropFileName(m)));
      // The rename itself is durable only once the folder is flushed (best effort where a folder cannot be).
      const dir = await open(folder, 'r');
      await dir.sync().catch(() => undefined).finally(() => dir.close());
    },
    async close() {},
  };
}
