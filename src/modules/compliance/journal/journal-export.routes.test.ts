import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildPlant, receive, releasedOrder } from '../../../../test/support/plant.js';
import { describeStores } from '../../../../test/support/stores.js';
import { startTestTakt, type TestTakt } from '../../../../test/support/takt.js';
import { readJournal } from '../../../platform/journal/journal.repository.js';
import { journalPages } from './journal-export.routes.js';

interface Ev { seq: number; action: string; entity: string; entityId: string; actor: string; reason: string | null; data: { changes?: Record<string, { before: unknown; after: unknown }> } }

describeStores('audit trail export and previous values', (dialect) => {
  let t: TestTakt;
  beforeEach(async () => {
    t = await startTestTakt(dialect);
    await buildPlant(t);
  });
  afterEach(() => t.close());

  const exportJson = async (query: string): Promise<Ev[]> => {
    const r = await t.call('GET', `/api/v1/journal/export?format=json&${query}`, { as: 'quality' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.events as Ev[];
  };

  it('exports CSV with a header, one line per event, formula-safe cells, filtered by entity and actor', async () => {
    expect((await t.call('PUT', '/api/v1/materials/RAW', { as: 'engineer', body: { name: '=HYPERLINK("http://evil")', uom: 'kg', lotControlled: true, shelfLifeDays: 365 } })).status).toBe(200);
    const r = await t.call('GET', '/api/v1/journal/export?format=csv&entity=material&entityId=RAW', { as: 'quality' });
    expect(r.status).toBe(200);
    expect(String(r.headers['content-type'])).toContain('text/csv');
    expect(String(r.headers['content-disposition'])).toMatch(/attachment; filename="takt-journal-.*\.csv"/);
    const lines = (r.body as string).replace(/^\ufeff/, '').split('\r\n').filter((l) => l !== '');
    expect(lines[0]).toBe('seq,at,actor,action,entity,entityId,reason,data,hash,prevHash');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain(',t-engineer,material.updated,material,RAW,,');
    // The data cell is JSON, quoted; the new name inside it cannot start a cell, and no cell starts with '='.
    expect(lines.slice(1).every((l) => !/(^|,)=/.test(l))).toBe(true);
    const byActor = await exportJson('actor=t-engineer&entity=material');
    expect(byActor.map((e) => e.action)).toEqual(['material.updated']);
  });

  it('filters by time window, refuses a window that ends before it starts, and needs an auditing role', async () => {
    const all = await exportJson('');
    expect(all.length).toBeGreaterThan(10);
    expect(all.map((e) => e.seq)).toEqual([...all.map((e) => e.seq)].sort((a, b) => a - b));
    const future = new Date(Date.now() + 86_400_000).toISOString();
    expect(await exportJson(`from=${encodeURIComponent(future)}`)).toEqual([]);
    expect((await t.call('GET', `/api/v1/journal/export?from=${encodeURIComponent(future)}&to=${encodeURIComponent(new Date().toISOString())}`, { as: 'quality' })).status).toBe(400);
    expect((await t.call('GET', '/api/v1/journal/export?format=xml', { as: 'quality' })).status).toBe(400);
    expect((await t.call('GET', '/api/v1/journal/export', { as: 'operator' })).status).toBe(403);
  });

  it('filters the journal and its export by action, alone and with the other filters', async () => {
    await receive(t, 'SUB-B', 'SUB', 5);
    expect((await t.call('POST', '/api/v1/lots/SUB-B/hold', { as: 'quality', body: { reason: 'seal' } })).status).toBe(200);
    expect((await t.call('PUT', '/api/v1/materials/PKG', { as: 'engineer', body: { name: 'Folding carton', uom: 'pcs', lotControlled: true } })).status).toBe(200);
    const read = await t.call('GET', '/api/v1/journal?action=lot.held', { as: 'quality' });
    expect(read.status).toBe(200);
    expect((read.body.events as Ev[]).map((e) => [e.action, e.entityId, e.actor, e.reason])).toEqual([['lot.held', 'SUB-B', 't-quality', 'seal']]);
    const updated = await exportJson('action=material.updated');
    expect(updated.map((e) => [e.entityId, e.actor])).toEqual([['PKG', 't-engineer']]);
    expect(await exportJson('action=material.updated&actor=t-quality')).toEqual([]);
    expect(await exportJson('action=lot.held&entity=lot&entityId=SUB-A')).toEqual([]);
    const csv = await t.call('GET', '/api/v1/journal/export?format=csv&action=lot.held', { as: 'supervisor' });
    expect((csv.body as string).replace(/^\ufeff/, '').split('\r\n').filter((l) => l !== '')).toHaveLength(2);
  });

  it('reads a journal larger than one page whole, in order, page by page', async () => {
    const whole = await readJournal(t.takt.store.db, { limit: 5000 });
    const paged: number[] = [];
    let pages = 0;
    for await (const page of journalPages(t.takt.store, {}, 7)) {
      expect(page.length).toBeLessThanOrEqual(7);
      paged.push(...page.map((e) => e.seq));
      pages += 1;
    }
    expect(pages).toBe(Math.ceil(whole.length / 7));
    expect(paged).toEqual(whole.map((e) => e.seq));
    const filtered: string[] = [];
    for await (const page of journalPages(t.takt.store, { entity: 'material' }, 2)) filtered.push(...page.map((e) => e.entityId));
    expect(filtered).toEqual(['RAW', 'SUB', 'PKG', 'FIN']);
  });

  it('keeps the previous value of master data, lot status and order transitions, and the reason where one is required', async () => {
    expect((await t.call('PUT', '/api/v1/materials/PKG', { as: 'engineer', body: { name: 'Folding carton', uom: 'pcs', lotControlled: true } })).status).toBe(200);
    await receive(t, 'SUB-A', 'SUB', 0.4);
    expect((await t.call('POST', '/api/v1/lots/SUB-A/hold', { as: 'quality', body: { reason: 'suspect seal' } })).status).toBe(200);
    expect((await t.call('POST', '/api/v1/lots/SUB-A/release', { as: 'quality', body: { reason: 'seal checked' } })).status).toBe(200);
    const ops = await releasedOrder(t, 'WO-A', 'FIN', 2);
    expect((await t.call('POST', '/api/v1/work-orders/WO-A/hold', { as: 'supervisor', body: {} })).status).toBe(400);
    expect((await t.call('POST', '/api/v1/work-orders/WO-A/hold', { as: 'supervisor', body: { reason: 'line clearance' } })).status).toBe(200);
    expect((await t.call('POST', '/api/v1/work-orders/WO-A/unhold', { as: 'supervisor', body: { reason: 'cleared' } })).status).toBe(200);
    expect((await t.call('POST', `/api/v1/operations/${ops[10]}/start`, { as: 'operator', body: { equipmentId: 'MIX-1' } })).status).toBe(200);
    expect((await t.call('POST', `/api/v1/operations/${ops[10]}/consume`, { as: 'operator', body: { lotId: 'SUB-A', quantity: 0.4 } })).status).toBe(200);
    expect((await t.call('POST', `/api/v1/operations/${ops[10]}/produce`, { as: 'operator', body: { lotId: 'FIN-A', quantity: 1 } })).status).toBe(200);
    expect((await t.call('POST', `/api/v1/operations/${ops[10]}/produce`, { as: 'operator', body: { lotId: 'FIN-A', quantity: 1 } })).status).toBe(200);

    const material = (await exportJson('entity=material&entityId=PKG')).at(-1)!;
    expect(material.data.changes).toEqual({ name: { before: 'Carton', after: 'Folding carton' } });
    const lot = await exportJson('entity=lot&entityId=SUB-A');
    expect(lot.map((e) => [e.action, e.data.changes?.status, e.reason])).toEqual([
      ['lot.received', undefined, null],
      ['lot.held', { before: 'released', after: 'on_hold' }, 'suspect seal'],
      ['lot.released', { before: 'on_hold', after: 'released' }, 'seal checked'],
      // Consumed to nothing: the status change is journaled with the quantity's.
      ['lot.consumed', { before: 'released', after: 'consumed' }, null],
    ]);
    expect(lot[3]!.data.changes?.quantity).toEqual({ before: 0.4, after: 0 });
    const produced = await exportJson('entity=lot&entityId=FIN-A');
    expect(produced.map((e) => e.data.changes?.quantity)).toEqual([{ before: null, after: 1 }, { before: 1, after: 2 }]);
    const order = await exportJson('entity=work-order&entityId=WO-A');
    expect(order.map((e) => [e.action, e.data.changes?.status?.before, e.data.changes?.status?.after, e.reason])).toEqual([
      ['work-order.created', undefined, undefined, null],
      ['work-order.released', 'created', 'released', null],
      ['work-order.held', 'released', 'on_hold', 'line clearance'],
      ['work-order.unheld', 'on_hold', 'released', 'cleared'],
      ['work-order.started', 'released', 'in_progress', null],
    ]);
  });
});
