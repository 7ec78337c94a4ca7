import { describe, expect, it } from 'vitest';
import { acknowledge } from './acknowledge.writer.js';
import { outboundProblems } from './fixtures/outbound-xsd.fixture.js';
import { readFixture } from './fixtures/standards.fixture.js';
import { parseInbound } from './inbound-message.parser.js';
import type { InboundMessage } from './inbound-message.types.js';

function message(name: string): InboundMessage {
  const result = parseInbound(readFixture(name));
  if (!result.ok) throw new Error(`${name} refused`);
  return result.message;
}

const header = { bodId: 'TAKT-ACK-1', createdAt: '2024-03-01T06:00:05Z' };

describe('acknowledge', () => {
  it.each([
    ['v0600-process-production-schedule.xml', 'AcknowledgeProductionSchedule'],
    ['v0600-sync-production-schedule-delete.xml', 'AcknowledgeProductionSchedule'],
    ['v0600-process-operations-schedule.xml', 'AcknowledgeOperationsSchedule'],
    ['v0701-process-operations-schedule.xml', 'AcknowledgeOperationsSchedule'],
    ['v0600-sync-material-definition.xml', 'AcknowledgeMaterialDefinition'],
    ['v0701-sync-material-definition.xml', 'AcknowledgeMaterialDefinition'],
    ['v0600-sync-material-lot.xml', 'AcknowledgeMaterialLot'],
    ['v0701-sync-material-lot.xml', 'AcknowledgeMaterialLot'],
  ])('answers %s with an %s valid against the MESA schema', (name, root) => {
    const m = message(name);
    const xml = acknowledge(m, header);
    expect(xml).toContain(`<${root} xmlns="${m.version === 'V0600' ? 'http://www.mesa.org/xml/B2MML-V0600' : 'http://www.mesa.org/xml/B2MML'}" releaseID="${m.version}">`);
    expect(outboundProblems(xml, m.version)).toEqual([]);
  });

  it('echoes the original ApplicationArea, says Accepted and is addressed back to the sender', () => {
    const xml = acknowledge(message('v0600-process-production-schedule.xml'), header);
    expect(xml).toContain('<BODID>TAKT-ACK-1</BODID>');
    expect(xml).toContain('<CreationDateTime>2024-03-01T06:00:05.000Z</CreationDateTime>');
    expect(xml).toMatch(/<Receiver>\s*<LogicalID>ERP-PRD<\/LogicalID>/);
    expect(xml).toMatch(/<OriginalApplicationArea>[\s\S]*<BODID>ERP-PS-0001<\/BODID>[\s\S]*<\/OriginalApplicationArea>/);
    expect(xml).toContain('<ResponseExpression actionCode="Accepted"/>');
  });

  it('echoes the ids Takt took', () => {
    const xml = acknowledge(message('v0600-process-production-schedule.xml'), header);
    expect([...xml.matchAll(/<ID>([^<]*)<\/ID>/g)].map((m) => m[1])).toEqual(['SCH-2024-10', 'WO-1001', 'WO-1002']);
  });

  it('echoes each operation identifiers for V0701, which that release requires', () => {
    const xml = acknowledge(message('v0701-process-operations-schedule.xml'), header);
    expect(xml).toContain('<OperationsSegmentID>OS-21</OperationsSegmentID>');
  });

  it.each([
    ['v0600-sync-material-lot.xml', 'V0600'],
    ['v0701-process-operations-schedule.xml', 'V0701'],
  ] as const)('says Modified for %s when a step was left to a person, one ResponseCriteria per item, valid against the %s schema', (name, version) => {
    const notes = [
      { code: 'AWAITING_SIGNATURE', path: '/Root/DataArea/Item[2]', message: "lot 'L-1' stays in quarantine", reasonCode: 'lot.release', from: 'quarantine', to: 'released' },
      { code: 'AWAITING_SIGNATURE', path: '/Root/DataArea/Item[3]', message: "work order 'WO-1' was not created", reasonCode: 'revision.approve', from: null, to: 'created' },
    ];
    const xml = acknowledge(message(name), header, notes);
    expect(outboundProblems(xml, version)).toEqual([]);
    expect([...xml.matchAll(/<ResponseExpression actionCode="([^"]+)"(?:\/>|>([^<]*)<)/g)].map((m) => [m[1], m[2]])).toEqual([
      ['Modified', undefined], ['Modified', '/Root/DataArea/Item[2]'], ['Modified', '/Root/DataArea/Item[3]'],
    ]);
    expect(xml).toMatch(/<Code>AWAITING_SIGNATURE<\/Code>\s*<Description>lot 'L-1' stays in quarantine<\/Description>\s*<ReasonCode>lot.release<\/ReasonCode>\s*<StateChange>\s*<FromStateCode>quarantine<\/FromStateCode>\s*<ToStateCode>released<\/ToStateCode>/);
    expect(xml).toMatch(/<StateChange>\s*<ToStateCode>created<\/ToStateCode>/);
  });

  it('answers the MESA example with an empty schedule validly', () => {
    const xml = readFixture('v0600-sync-production-schedule-delete.xml').replace(/<ProductionRequest>[\s\S]*<\/ProductionRequest>/, '');
    const parsed = parseInbound(xml);
    if (!parsed.ok) throw new Error('refused');
    expect(outboundProblems(acknowledge(parsed.message, header), 'V0600')).toEqual([]);
  });
});
