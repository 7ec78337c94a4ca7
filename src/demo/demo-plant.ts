import { randomBytes } from 'node:crypto';
import type { Takt } from '../main.js';
import { SYSTEM_ACTOR, type Role } from '../platform/auth/roles.js';
import type { Command } from '../platform/commands/command.js';
import { holdLot, receiveLot } from '../modules/inventory/index.js';
import { approveRevision, createRevision, putMaterial } from '../modules/product/index.js';
import { createWorkOrder, releaseWorkOrder } from '../modules/production/index.js';
import { findNode, putNode, putPerson, putQualification } from '../modules/resources/index.js';
import { putDowntimeReason, putSiteShift } from '../modules/equipment/index.js';
import { putMachineMapping } from '../modules/machines/index.js';
import { setControlLimits } from '../modules/quality/index.js';
import { demoCharacteristics, demoMappings } from '../simulator/demo-mappings.js';
import { AREAS, DOWNTIME_REASONS, LOTS, MATERIALS, ORDERS, PEOPLE, PRODUCTS, SHIFTS, SITE, WORK_CENTERS } from './demo-plant.data.js';

const DAY = 86_400_000;

export interface DemoUser {
  readonly username: string;
  readonly password: string;
  readonly role: Role;
}

/**
 * Loads the demo plant (a solid-dose pharmaceutical plant: one site, two areas, six work centers with equipment,
 * a downtime reason tree, a three-shift calendar, the mappings of the plant simulator's machines, twelve materials, three products in a three-level BOM, people with qualifications, one of them expired, lots in
 * every status, released orders) through the same commands a user would run, so everything is journaled.
 * Passwords are random unless TAKT_DEMO_PASSWORD is set; they are returned so the caller prints them once.
 * Does nothing (and returns no users) when the demo site already exists.
 */
export async function loadDemoPlant(takt: Takt, now = Date.now()): Promise<{ users: DemoUser[] }> {
  if (await findNode(takt.store.db, SITE.id)) return { users: [] };
  const run = async <I, O>(cmd: Command<I, O>, input: I) => {
    await takt.runner.run(cmd, input, { actor: SYSTEM_ACTOR });
  };
  await run(putNode, { level: 'site', id: SITE.id, name: SITE.name, parentId: null, timeZone: SITE.timeZone });
  for (const a of AREAS) await run(putNode, { level: 'area', id: a.id, name: a.name, parentId: SITE.id });
  for (const wc of WORK_CENTERS) {
    await run(putNode, { level: 'work_center', id: wc.id, name: wc.name, parentId: wc.area });
    for (const eq of wc.equipment) await run(putNode, { level: 'equipment', id: eq.id, name: eq.name, parentId: wc.id, idealCycleTimeSec: eq.cycle });
  }
  for (const r of DOWNTIME_REASONS) await run(putDowntimeReason, { code: r.code, name: r.name, parentCode: r.parentCode, planned: r.planned });
  for (const s of SHIFTS) await run(putSiteShift, { siteId: SITE.id, code: s.code, start: s.start, end: s.end, breaks: s.breaks });
  // The plant simulator's machines: the characteristics they measure (limits frozen from the validated process) and
  // what their Sparkplug B and OPC UA tags mean for the equipment.
  for (const c of demoCharacteristics()) await run(setControlLimits, { code: c.code, chart: 'i-mr', center: c.center, sigma: c.sigma });
  for (const m of demoMappings()) await run(putMachineMapping, { ...m, device: m.device ?? null, metrics: [...m.metrics] });
  for (const m of MATERIALS) await run(putMaterial, { id: m.id, name: m.name, uom: m.uom, lotControlled: true, shelfLifeDays: m.shelfLifeDays });
  for (const p of PRODUCTS) {
    await run(createRevision, { materialId: p.materialId, content: p.content });
    await run(approveRevision, { materialId: p.materialId, revision: 1, reason: 'Initial process validated' });
  }
  const fixed = process.env.TAKT_DEMO_PASSWORD;
  const users: DemoUser[] = [];
  for (const p of PEOPLE) {
    const password = fixed ?? `${randomBytes(6).toString('base64url')}-${p.role.slice(0, 3)}7`;
    await run(putPerson, { id: p.id, name: p.name, roles: [p.role], password });
    for (const [code, days] of p.qualifications) await run(putQualification, { personId: p.id, code, validUntil: now + days * DAY });
    users.push({ username: p.id, password, role: p.role });
  }
  for (const l of LOTS) {
    const expired = 'expiredDaysAgo' in l && l.expiredDaysAgo !== undefined ? now - l.expiredDaysAgo * DAY : undefined;
    const initial = l.status === 'on_hold' ? 'released' : l.status;
    await run(receiveLot, { id: l.id, materialId: l.materialId, quantity: l.quantity, status: initial, ...(expired ? { expiresAt: expired } : {}), ...('supplierLot' in l ? { supplierLot: l.supplierLot } : {}) });
    if ('holdReason' in l && l.holdReason) await run(holdLot, { id: l.id, reason: l.holdReason });
  }
  for (const o of ORDERS) {
    await run(createWorkOrder, { id: o.id, materialId: o.materialId, quantity: o.quantity, dueAt: now + o.dueInHours * 3_600_000, priority: o.priority });
    if (o.release) await run(releaseWorkOrder, { id: o.id, reason: 'Released for the week plan' });
  }
  return { users };
}
