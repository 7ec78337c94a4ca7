import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { examplesFolder, readFixture } from './fixtures/standards.fixture.js';
import { checkInbound, type CheckInboundResult } from './inbound-semantics.checker.js';
import { parseInbound } from './inbound-message.parser.js';
import type { InboundMessage } from './inbound-message.types.js';
import { inMemoryLookup, type MasterDataLookup } from './master-data.lookup.js';
import type { Problem } from './problem.types.js';

const MATERIALS = {
  'FG-FLANGE': { uom: 'ea' },
  'FG-VALVE': { uom: 'ea' },
  'RM-STEEL': { uom: 'kg' },
  'RM-CASTING': { uom: 'ea' },
  'RM-BOLT': { uom: 'ea' },
};
const EQUIPMENT = ['PLANT-1', 'AREA-MACH', 'WC-LATHE', 'WC-MILL', 'MILL-02', 'WC-ASSY', 'PRESS-01', 'TEST-BENCH'];
const lookup = inMemoryLookup(MATERIALS, EQUIPMENT);

function message(name: string): InboundMessage {
  const result = parseInbound(readFixture(name));
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.problems)}`);
  return result.message;
}

function problems(result: CheckInboundResult): Problem[] {
  if (result.ok) throw new Error('expected a refusal');
  return result.problems;
}

const REQ = (n: number) => `/ProcessProductionSchedule/DataArea/ProductionSchedule/ProductionRequest[${n}]`;

describe('checkInbound: production schedules', () => {
  it('accepts a correct schedule and plans one upsert-work-order per request', async () => {
    const result = await checkInbound(message('v0600-process-production-schedule.xml'), lookup);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.plan).toMatchObject({ messageId: 'ERP-PS-0001', version: 'V0600', kind: 'production-schedule' });
    expect(result.plan.commands).toEqual([
      {
        type: 'upsert-work-order',
        workOrder: {
          id: 'WO-1001',
          materialId: 'FG-FLANGE',
          quantity: 50,
          uom: 'ea',
          description: 'Flanges for customer order 4711',
          scheduleId: 'SCH-2024-10',
          earliestStartAt: '2024-03-04T06:00:00.000Z',
          dueAt: '2024-03-05T14:00:00.000Z',
          priority: 2,
          operations: [
            { seq: 10, name: 'Turning', segmentId: '10', workCenterId: 'WC-LATHE', equipmentIds: ['WC-LATHE'], durationSeconds: 7200, earliestStartAt: '2024-03-04T06:00:00.000Z', latestEndAt: '2024-03-04T14:00:00.000Z' },
            { seq: 20, name: 'Milling', segmentId: '20', workCenterId: 'WC-MILL', equipmentIds: ['WC-MILL', 'MILL-02'], durationSeconds: 5400, earliestStartAt: '2024-03-04T14:00:00.000Z', latestEndAt: '2024-03-05T14:00:00.000Z' },
          ],
          components: [{ materialId: 'RM-STEEL', quantity: 25.5, uom: 'kg', operationSeq: 10 }],
        },
      },
      expect.objectContaining({ type: 'upsert-work-order', workOrder: expect.objectContaining({ id: 'WO-1002', materialId: 'FG-VALVE', quantity: 10 }) }),
    ]);
  });

  it('takes a quantity without unit in the material unit', async () => {
    const result = await checkInbound(message('v0600-process-production-schedule.xml'), lookup);
    const second = result.ok ? result.plan.commands[1] : undefined;
    expect(second?.type === 'upsert-work-order' && second.workOrder.components).toEqual([
      { materialId: 'FG-FLANGE', quantity: 20, uom: 'ea', operationSeq: 10 },
    ]);
  });

  it('reports every semantic problem of a schedule with its XML path', async () => {
    const found = problems(await checkInbound(message('v0600-production-schedule-semantic-errors.xml'), lookup));
    expect(found.map((p) => [p.code, p.path])).toEqual([
      ['MISSING_ID', `${REQ(8)}/ID`],
      ['DUPLICATE_ID', `${REQ(9)}/ID`],
      ['END_BEFORE_START', `${REQ(1)}/EndTime`],
      ['UNKNOWN_MATERIAL', `${REQ(2)}/SegmentRequirement/MaterialProducedRequirement/MaterialDefinitionID`],
      ['UOM_MISMATCH', `${REQ(3)}/SegmentRequirement/MaterialProducedRequirement/Quantity/UnitOfMeasure`],
      ['UNKNOWN_EQUIPMENT', `${REQ(4)}/SegmentRequirement/EquipmentRequirement/EquipmentID`],
      ['QUANTITY_OUT_OF_RANGE', `${REQ(5)}/SegmentRequirement/MaterialProducedRequirement/Quantity`],
      ['AMBIGUOUS_PRODUCED_MATERIAL', `${REQ(6)}/SegmentRequirement/MaterialProducedRequirement[2]/MaterialDefinitionID`],
      ['MISSING_QUANTITY', `${REQ(7)}/SegmentRequirement/MaterialProducedRequirement/Quantity`],
      ['MISSING_MATERIAL', REQ(8)],
    ]);
    expect(found.find((p) => p.code === 'DUPLICATE_ID')?.message).toContain(`first at ${REQ(5)}/ID`);
    expect(found.find((p) => p.code === 'UOM_MISMATCH')?.message).toContain("kept in 'ea'");
    expect(found.every((p) => typeof p.line === 'number')).toBe(true);
  });

  it('refuses the MESA example whose second request names no material, and accepts the first', async () => {
    const xml = fs.readFileSync(path.join(examplesFolder(), 'ProcessProductionSchedule.xml'), 'utf8');
    const parsed = parseInbound(xml);
    if (!parsed.ok) throw new Error('example refused');
    const found = problems(await checkInbound(parsed.message, inMemoryLookup({ matte: { uom: 't' } }, ['fsf'])));
    expect(found).toEqual([
      expect.objectContaining({ code: 'MISSING_MATERIAL', path: '/ProcessProductionSchedule/DataArea/ProductionSchedule/ProductionRequest[2]' }),
    ]);
  });

  it('checks ids only when the schedule deletes, planning cancellations', async () => {
    const result = await checkInbound(message('v0600-sync-production-schedule-delete.xml'), inMemoryLookup({}, []));
    expect(result).toMatchObject({ ok: true, plan: { commands: [{ type: 'cancel-work-order', workOrderId: 'WO-1001' }] } });
  });

  it('accepts a V0701 operations schedule', async () => {
    const result = await checkInbound(message('v0701-process-operations-schedule.xml'), lookup);
    expect(result).toMatchObject({ ok: true, plan: { kind: 'operations-schedule', commands: [{ workOrder: { id: 'WO-3001', materialId: 'FG-VALVE', quantity: 12, uom: 'ea' } }] } });
  });

  it('asks the lookup once for all materials and once for all equipment', async () => {
    const calls: string[][] = [];
    const counting: MasterDataLookup = {
      materials: (ids) => {
        calls.push([...ids]);
        return lookup.materials(ids);
      },
      equipment: async (ids) => {
        calls.push([...ids]);
        return lookup.equipment(ids);
      },
    };
    await checkInbound(message('v0600-process-production-schedule.xml'), counting);
    expect(calls).toEqual([
      ['FG-FLANGE', 'RM-STEEL', 'FG-VALVE'],
      ['PLANT-1', 'AREA-MACH', 'WC-LATHE', 'WC-MILL', 'MILL-02', 'WC-ASSY', 'PRESS-01'],
    ]);
  });
});

describe('checkInbound: materials and lots', () => {
  it('plans material upserts, keeping the known unit when the message gives none', async () => {
    const result = await checkInbound(message('v0600-sync-material-definition.xml'), lookup);
    expect(result).toMatchObject({
      ok: true,
      plan: {
        commands: [
          { type: 'upsert-material', material: { id: 'RM-RESIN', name: 'Epoxy resin, 20 kg drum', uom: 'kg', lotControlled: true, shelfLifeDays: 180 } },
          { type: 'upsert-material', material: { id: 'FG-FLANGE', name: 'Flange DN50', uom: 'ea', lotControlled: null, shelfLifeDays: null } },
        ],
      },
    });
  });

  it('refuses a new material without unit, and a unit change of an existing one', async () => {
    const found = problems(await checkInbound(message('v0600-sync-material-definition.xml'), inMemoryLookup({ 'RM-RESIN': { uom: 'g' } }, [])));
    expect(found.map((p) => [p.code, p.path])).toEqual([
      ['UOM_MISMATCH', '/SyncMaterialDefinition/DataArea/MaterialDefinition[1]/MaterialDefinitionProperty[1]/Value/ValueString'],
      ['MISSING_UOM', '/SyncMaterialDefinition/DataArea/MaterialDefinition[2]/MaterialDefinitionProperty'],
    ]);
  });

  it('plans lot upserts with status, expiry and supplier lot', async () => {
    const result = await checkInbound(message('v0600-sync-material-lot.xml'), lookup);
    expect(result).toMatchObject({
      ok: true,
      plan: {
        commands: [
          { type: 'upsert-lot', lot: { id: 'LOT-R-001', materialId: 'RM-STEEL', quantity: 1200, uom: 'kg', status: 'quarantine', expiresAt: '2026-01-01T00:00:00.000Z', supplierLot: 'S-88812' } },
          { type: 'upsert-lot', lot: { id: 'LOT-R-002', materialId: 'RM-STEEL', quantity: 800, uom: 'kg', status: 'released', expiresAt: null, supplierLot: null } },
        ],
      },
    });
  });

  it('reports every lot problem with its path', async () => {
    const found = problems(await checkInbound(message('v0600-sync-material-lot-semantic-errors.xml'), lookup));
    const lot = (n: number) => `/SyncMaterialLot/DataArea/MaterialLot[${n}]`;
    expect(found.map((p) => [p.code, p.path])).toEqual([
      ['DUPLICATE_ID', `${lot(3)}/ID`],
      ['UNKNOWN_MATERIAL', `${lot(1)}/MaterialDefinitionID`],
      ['QUANTITY_OUT_OF_RANGE', `${lot(2)}/Quantity`],
      ['UOM_MISMATCH', `${lot(2)}/Quantity/UnitOfMeasure`],
      ['MISSING_MATERIAL', `${lot(3)}/MaterialDefinitionID`],
    ]);
  });

  it('plans deletions for a Sync Delete of lots and materials', async () => {
    const lots = readFixture('v0600-sync-material-lot.xml').replace('actionCode="Add"', 'actionCode="Delete"');
    const parsed = parseInbound(lots);
    if (!parsed.ok) throw new Error('refused');
    const result = await checkInbound(parsed.message, inMemoryLookup({}, []));
    expect(result.ok && result.plan.commands).toEqual([
      { type: 'delete-lot', lotId: 'LOT-R-001' },
      { type: 'delete-lot', lotId: 'LOT-R-002' },
    ]);
  });
});

describe('checkInbound: a message parsing refused, as far as it could be read', () => {
  function readable(xml: string): { message: InboundMessage; earlier: Problem[] } {
    const result = parseInbound(xml);
    if (result.ok || result.readable === null) throw new Error('expected a readable refusal');
    return { message: result.readable, earlier: result.problems };
  }
  const REQUIREMENT = '/ProcessOperationsSchedule/DataArea/OperationsSchedule/OperationsRequest/SegmentRequirement/MaterialRequirement';

  it('lists the earlier problems first, then those of the items, and is never ok', async () => {
    const xml = readFixture('v0600-process-operations-schedule.xml')
      .replace('>FG-FLANGE<', '>FG-NOWHERE<')
      .replace('<QuantityString>8</QuantityString>', '<QuantityString>eight</QuantityString><DataType>decimal</DataType>');
    const { message: m, earlier } = readable(xml);
    const found = problems(await checkInbound(m, lookup, { earlier: [...earlier, ...earlier] }));
    expect(found.map((p) => [p.code, p.path])).toEqual([
      ['QUANTITY_TYPE_MISMATCH', `${REQUIREMENT}/Quantity/QuantityString`],
      ['UNKNOWN_MATERIAL', `${REQUIREMENT}/MaterialDefinitionID`],
    ]);
  });

  it('does not call the produced material missing when the MaterialUse naming it cannot be read, and still checks it exists', async () => {
    const xml = readFixture('v0600-process-operations-schedule.xml').replace('>FG-FLANGE<', '>FG-NOWHERE<').replace('>Produced<', '>Made<');
    const { message: m, earlier } = readable(xml);
    const found = problems(await checkInbound(m, lookup, { earlier }));
    expect(found.map((p) => [p.code, p.path])).toEqual([
      ['INVALID_VALUE', `${REQUIREMENT}/MaterialUse`],
      ['UNKNOWN_MATERIAL', `${REQUIREMENT}/MaterialDefinitionID`],
    ]);
  });
});
