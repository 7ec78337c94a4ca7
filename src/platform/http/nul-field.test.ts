import { expect, it } from 'vitest';
import { nulField } from './app.js';

it('names the first field holding a NUL character, and walks deep nesting without overflowing', () => {
  expect(nulField({ body: { name: 'ok', bom: [{ materialId: 'a' }, { materialId: 'b\u0000' }] }, query: {}, params: {} })).toBe('bom[1].materialId');
  expect(nulField({ body: { name: 'fine' }, query: { q: 'x' }, params: { id: 'A' } })).toBeNull();
  let deep: unknown = 'x';
  for (let i = 0; i < 200_000; i += 1) deep = [deep];
  expect(nulField({ body: deep })).toBeNull();
});
