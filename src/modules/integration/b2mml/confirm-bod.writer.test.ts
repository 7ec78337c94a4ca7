import { describe, expect, it } from 'vitest';
import { confirmBod } from './confirm-bod.writer.js';
import { outboundProblems } from './fixtures/outbound-xsd.fixture.js';
import type { ApplicationArea } from './inbound-message.types.js';
import type { Problem } from './problem.types.js';

const original: ApplicationArea = {
  creationDateTime: '2024-03-01T05:00:00.000Z',
  bodId: 'ERP-PS-0001',
  senderLogicalId: 'ERP-PRD',
  senderComponentId: null,
};
const refused: Problem[] = [
  { code: 'UNKNOWN_MATERIAL', message: "material 'X<&>' does not exist in Takt", path: '/A/B[2]/C', line: 12 },
  { code: 'XML_TOO_LARGE', message: 'message is 11 MiB', path: '/' },
];

describe('confirmBod', () => {
  it.each(['V0600', 'V0701'] as const)('writes a Rejected ConfirmBOD valid against the %s schema, one Note per problem', (version) => {
    const xml = confirmBod({ version, original, problems: refused }, { bodId: 'TAKT-CB-1' });
    expect(outboundProblems(xml, version)).toEqual([]);
    expect(xml).toContain('<ResponseExpression actionCode="Rejected"/>');
    expect(xml).toContain('<Description>refused: 2 problem(s)</Description>');
    expect(xml).toContain("<Note>UNKNOWN_MATERIAL at /A/B[2]/C, line 12: material 'X&lt;&amp;&gt;' does not exist in Takt</Note>");
    expect(xml).toContain('<Note>XML_TOO_LARGE at /: message is 11 MiB</Note>');
    expect(xml).toMatch(/<Receiver>\s*<LogicalID>ERP-PRD<\/LogicalID>/);
  });

  it('writes an Accepted ConfirmBOD for a message without problems', () => {
    const xml = confirmBod({ version: 'V0600', original, problems: [] }, { bodId: 'TAKT-CB-2' });
    expect(xml).toContain('<ResponseExpression actionCode="Accepted"/>');
    expect(outboundProblems(xml, 'V0600')).toEqual([]);
  });

  it('answers a message refused before its ApplicationArea was read', () => {
    const xml = confirmBod({ version: 'V0600', problems: refused.slice(1) }, { bodId: 'TAKT-CB-3', senderLogicalId: 'MES-1' });
    expect(xml).not.toContain('OriginalApplicationArea');
    expect(xml).toContain('<LogicalID>MES-1</LogicalID>');
    expect(outboundProblems(xml, 'V0600')).toEqual([]);
  });
});
