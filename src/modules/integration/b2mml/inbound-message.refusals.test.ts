import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadB2mmlSchemas } from './b2mml-xsd.validator.js';
import { examplesFolder, readFixture, standardsFolder } from './fixtures/standards.fixture.js';
import { parseInbound, type ParseInboundResult } from './inbound-message.parser.js';
import type { Problem } from './problem.types.js';

function problems(result: ParseInboundResult): Problem[] {
  if (result.ok) throw new Error('expected a refusal');
  return result.problems;
}

const schedule = readFixture('v0600-process-production-schedule.xml');
const lotSync = readFixture('v0600-sync-material-lot.xml');
const REQUEST_1 = '/ProcessProductionSchedule/DataArea/ProductionSchedule/ProductionRequest[1]';

describe('parseInbound refuses unsafe or broken XML (layer 1)', () => {
  it.each(['neg-billion-laughs.xml', 'neg-external-entity.xml'])('refuses the DOCTYPE of %s before parsing', (name) => {
    expect(problems(parseInbound(readFixture(name)))).toEqual([expect.objectContaining({ code: 'XML_DOCTYPE_FORBIDDEN', path: '/' })]);
  });

  it('refuses malformed XML with the line of the fault', () => {
    expect(problems(parseInbound(readFixture('neg-malformed.xml')))).toEqual([
      expect.objectContaining({ code: 'XML_MALFORMED', path: '/', line: 9 }),
    ]);
  });

  it('applies the configured size and depth limits', () => {
    expect(problems(parseInbound(schedule, { maxBytes: 1000 }))[0]?.code).toBe('XML_TOO_LARGE');
    expect(problems(parseInbound(schedule, { maxDepth: 5 }))[0]?.code).toBe('XML_TOO_DEEP');
  });
});

describe('parseInbound refuses what Takt does not support (layer 2)', () => {
  it('names V0600 and V0701 and their namespaces when the namespace is wrong', () => {
    const [p] = problems(parseInbound(readFixture('neg-v0500-namespace.xml')));
    expect(p).toMatchObject({ code: 'UNSUPPORTED_NAMESPACE', path: '/ProcessProductionSchedule', line: 2 });
    expect(p?.message).toContain('B2MML-V0500');
    expect(p?.message).toContain('V0600 (http://www.mesa.org/xml/B2MML-V0600)');
    expect(p?.message).toContain('V0701 (http://www.mesa.org/xml/B2MML)');
  });

  it('refuses an element in no namespace the same way', () => {
    expect(problems(parseInbound('<ProcessProductionSchedule/>'))[0]).toMatchObject({ code: 'UNSUPPORTED_NAMESPACE' });
  });

  it('explains that V0701 has no ProductionSchedule', () => {
    const [p] = problems(parseInbound(readFixture('neg-v0701-process-production-schedule.xml')));
    expect(p?.code).toBe('UNSUPPORTED_MESSAGE');
    expect(p?.message).toContain('ProcessOperationsSchedule');
  });

  it('refuses a verb Takt does not take inbound, listing what it accepts', () => {
    const xml = schedule.replaceAll('ProcessProductionSchedule', 'GetProductionSchedule');
    const [p] = problems(parseInbound(xml));
    expect(p).toMatchObject({ code: 'UNSUPPORTED_MESSAGE', path: '/GetProductionSchedule' });
    expect(p?.message).toContain('SyncMaterialLot');
  });

  it('refuses an actionCode that is not an instruction (Rejected)', () => {
    expect(problems(parseInbound(readFixture('neg-unsupported-action.xml')))).toEqual([
      expect.objectContaining({ code: 'UNSUPPORTED_ACTION', path: '/SyncMaterialLot/DataArea/Sync/ActionCriteria/ActionExpression/@actionCode' }),
    ]);
  });

  it('refuses a message that both deletes and adds', () => {
    const xml = lotSync.replace(
      '<ActionExpression actionCode="Add"/>',
      '<ActionExpression actionCode="Add"/><ActionExpression actionCode="Delete"/>',
    );
    expect(problems(parseInbound(xml))[0]?.code).toBe('UNSUPPORTED_ACTION');
  });

  it('refuses against the XSD what translation alone would take', () => {
    const xml = readFixture('neg-v0701-operations-schedule-xsd.xml');
    expect(parseInbound(xml).ok).toBe(true);
    expect(problems(parseInbound(xml, { schemas: loadB2mmlSchemas(standardsFolder()) }))[0]?.code).toBe('XSD_INVALID');
  });
});

describe('parseInbound refuses values that do not have their type (translation)', () => {
  it('refuses a QuantityString that is not a double, with and without the XSD', () => {
    const xml = readFixture('v0600-production-schedule-bad-quantity.xml');
    const path = '/ProcessProductionSchedule/DataArea/ProductionSchedule/ProductionRequest/SegmentRequirement/MaterialProducedRequirement/Quantity/QuantityString';
    for (const schemas of [null, loadB2mmlSchemas(standardsFolder())]) {
      expect(problems(parseInbound(xml, { schemas }))).toEqual([expect.objectContaining({ code: 'QUANTITY_TYPE_MISMATCH', path, line: 16 })]);
    }
  });

  it('refuses an infinite quantity', () => {
    const xml = readFixture('v0600-production-schedule-bad-quantity.xml').replace('fifty', 'INF');
    expect(problems(parseInbound(xml))[0]?.message).toContain('not a finite number');
  });

  it('lists every problem of a message, each with its path', () => {
    const xml = schedule
      .replace('<Duration>PT2H</Duration>', '<Duration>PT</Duration>')
      .replace('<Priority>2</Priority>', '<Priority>urgent</Priority>')
      .replace('<EarliestStartTime>2024-03-04T14:00:00Z', '<EarliestStartTime>tomorrow')
      .replace('<EquipmentElementLevel>Area</EquipmentElementLevel>', '<EquipmentElementLevel>Hall</EquipmentElementLevel>');
    expect(problems(parseInbound(xml)).map((p) => [p.code, p.path])).toEqual([
      ['INVALID_VALUE', `${REQUEST_1}/HierarchyScope/HierarchyScope/EquipmentElementLevel`],
      ['INVALID_DURATION', `${REQUEST_1}/SegmentRequirement[1]/Duration`],
      ['INVALID_DATETIME', `${REQUEST_1}/SegmentRequirement[2]/EarliestStartTime`],
      ['INVALID_VALUE', `${REQUEST_1}/Priority`],
    ]);
  });

  it('reports at most maxProblems', () => {
    const many = schedule.replaceAll('<Duration>PT2H</Duration>', '<Duration>x</Duration>').replaceAll('<Duration>PT1H30M</Duration>', '<Duration>y</Duration>');
    expect(problems(parseInbound(many, { maxProblems: 1 }))).toHaveLength(1);
  });

  it('refuses a lot status Takt does not know, and a bad expiry date', () => {
    const xml = lotSync.replace('<Status>Released</Status>', '<Status>Lost</Status>').replace('2025-12-31', '31.12.2025');
    expect(problems(parseInbound(xml)).map((p) => [p.code, p.path])).toEqual([
      ['INVALID_DATETIME', '/SyncMaterialLot/DataArea/MaterialLot[1]/MaterialLotProperty[1]/Value/ValueString'],
      ['INVALID_VALUE', '/SyncMaterialLot/DataArea/MaterialLot[2]/Status'],
    ]);
  });

  it('refuses material properties that are not what they say', () => {
    const xml = readFixture('v0600-sync-material-definition.xml').replace('<ValueString>true</ValueString>', '<ValueString>yes</ValueString>').replace('<ValueString>180</ValueString>', '<ValueString>half a year</ValueString>');
    expect(problems(parseInbound(xml)).map((p) => p.code)).toEqual(['INVALID_VALUE', 'INVALID_VALUE']);
  });

  it('refuses a message without ApplicationArea, CreationDateTime or verb element', () => {
    const noArea = schedule.replace(/<ApplicationArea>[\s\S]*<\/ApplicationArea>/, '');
    expect(problems(parseInbound(noArea))).toEqual([expect.objectContaining({ code: 'MISSING_ELEMENT', path: '/ProcessProductionSchedule/ApplicationArea' })]);
    const noTime = schedule.replace(/<CreationDateTime>.*<\/CreationDateTime>/, '');
    expect(problems(parseInbound(noTime))[0]).toMatchObject({ code: 'MISSING_ELEMENT', path: '/ProcessProductionSchedule/ApplicationArea/CreationDateTime' });
    const noVerb = schedule.replace(/<Process>[\s\S]*<\/Process>/, '');
    expect(problems(parseInbound(noVerb))[0]).toMatchObject({ code: 'MISSING_ELEMENT', path: '/ProcessProductionSchedule/DataArea/Process' });
  });
});

describe('parseInbound lets no stage hide another', () => {
  const cocop = () => fs.readFileSync(path.join(examplesFolder(), 'ProcessProductionSchedule.xml'), 'utf8');

  it('reports the XSD errors and the values translation cannot read together, and returns what it could read', () => {
    const result = parseInbound(cocop().replace('2019-04-24T14:10:25Z', 'bad-date'), { schemas: loadB2mmlSchemas(standardsFolder()) });
    const created = '/ProcessProductionSchedule/ApplicationArea/CreationDateTime';
    expect(problems(result).map((p) => [p.code, p.path])).toEqual([['XSD_INVALID', created], ['INVALID_DATETIME', created]]);
    expect(!result.ok && result.readable).toMatchObject({ kind: 'production-schedule', workOrders: [{ id: { value: 'my-identifier-1' } }, { id: { value: 'my-identifier-2' } }] });
  });

  it('reads the items of a message whose action it cannot read, for the checks every action shares', () => {
    const result = parseInbound(readFixture('neg-unsupported-action.xml'));
    expect(!result.ok && result.readable).toMatchObject({ kind: 'material-lots', action: 'delete' });
  });

  it('returns nothing to read for a document that is not a supported message', () => {
    for (const xml of [readFixture('neg-malformed.xml'), readFixture('neg-v0500-namespace.xml'), schedule.replace(/<DataArea>[\s\S]*<\/DataArea>/, '')]) {
      expect(parseInbound(xml)).toMatchObject({ ok: false, readable: null });
    }
  });
});
