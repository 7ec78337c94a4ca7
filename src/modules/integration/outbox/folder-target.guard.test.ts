import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureFolder, resolveFolderTarget } from './folder-target.guard.js';

const root = mkdtempSync(join(tmpdir(), 'takt-outbox-guard-'));
const base = join(root, 'outbox');
mkdirSync(base);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('folder targets', () => {
  it('resolves a relative folder below the base, and an absolute one inside it', () => {
    expect(resolveFolderTarget(base, 'erp/in')).toBe(join(base, 'erp', 'in'));
    expect(resolveFolderTarget(base, join(base, 'x'))).toBe(join(base, 'x'));
    expect(resolveFolderTarget(base, '.')).toBe(base);
  });

  it('refuses what lies outside the base, however it is spelled', () => {
    for (const target of ['..', '../outbox-evil', 'a/../../etc', '/etc', join(root, 'other'), `${base}-sibling`]) {
      expect(resolveFolderTarget(base, target), target).toBeNull();
    }
  });

  it('creates the folder, and refuses one a symbolic link leads out of the base', async () => {
    expect(await ensureFolder(base, 'made/here')).toBe(join(base, 'made', 'here'));
    mkdirSync(join(root, 'elsewhere'));
    symlinkSync(join(root, 'elsewhere'), join(base, 'link'));
    await expect(ensureFolder(base, 'link')).rejects.toThrow(/leads outside/);
    await expect(ensureFolder(base, 'link/deeper')).rejects.toThrow(/leads outside/);
  });
});
