import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadB2mmlSchemas } from './b2mml-xsd.validator.js';
import { examplesFolder, standardsFolder } from './fixtures/standards.fixture.js';
import { parseInbound, type ParseInboundResult } from './inbound-message.parser.js';
import type { ProblemCode } from './problem.types.js';

const BASE = '/ProcessProductionSchedule';
const REQUESTS = `${BASE}/DataArea/ProductionSchedule/ProductionRequest`;

/** What each MESA example must produce: accepted, or refused at this path (with and without the XSD). */
const EXPECTED: Readonly<Record<string, { readonly path: string; readonly translationCode: ProblemCode } | 'accepted'>> = {
  'ProcessProductionSchedule.xml': 'accepted',
  'ProcessProductionSchedule_DateTimeKinds.xml': 'accepted',
  'ProcessProductionSchedule_EmptyItems.xml': 'accepted',
  'ProcessProductionSchedule_EmptySched.xml': 'accepted',
  'Neg_ProcessProductionSchedule_InvalidCreationTime.xml': {
    path: `${BASE}/ApplicationArea/CreationDateTime`,
    translationCode: 'INVALID_DATETIME',
  },
  'Neg_ProcessProductionSchedule_InvalidDate.xml': {
    path: `${REQUESTS}/SegmentRequirement/EarliestStartTime`,
    translationCode: 'INVALID_DATETIME',
  },
  'Neg_ProcessProductionSchedule_InvalidEqElemLevel.xml': {
    path: `${REQUESTS}[2]/HierarchyScope/EquipmentElementLevel`,
    translationCode: 'INVALID_VALUE',
  },
  'Neg_ProcessProductionSchedule_InvalidMatUse.xml': {
    path: `${REQUESTS}[3]/SegmentRequirement/MaterialRequirement/MaterialUse`,
    translationCode: 'INVALID_VALUE',
  },
  'Neg_ProcessProductionSchedule_InvalidQuantityDataType.xml': {
    path: `${REQUESTS}/SegmentRequirement/MaterialRequirement/Quantity/DataType`,
    translationCode: 'INVALID_VALUE',
  },
};

function codesAndPaths(result: ParseInboundResult): [string, string][] {
  if (result.ok) throw new Error('expected a refusal');
  return result.problems.map((p) => [p.code, p.path]);
}

const examples = fs.readdirSync(examplesFolder()).filter((f) => f.endsWith('.xml')).sort();
const read = (name: string) => fs.readFileSync(path.join(examplesFolder(), name), 'utf8');
const positives = Object.entries(EXPECTED).flatMap(([name, e]) => (e === 'accepted' ? [name] : []));
const negatives = Object.entries(EXPECTED).flatMap(([name, e]) => (e === 'accepted' ? [] : [{ name, ...e }]));

describe('MESA B2MML examples', () => {
  it('has an expectation for every example in the folder', () => {
    expect(examples).toEqual(Object.keys(EXPECTED).sort());
  });

  describe.each(positives)('%s', (name) => {
    it('is accepted, validated against the V0600 schema', () => {
      const result = parseInbound(read(name), { schemas: loadB2mmlSchemas(standardsFolder()) });
      expect(result).toMatchObject({ ok: true, message: { version: 'V0600', kind: 'production-schedule', schemaValidated: true } });
    });

    it('is accepted without schema validation too', () => {
      expect(parseInbound(read(name))).toMatchObject({ ok: true, message: { schemaValidated: false } });
    });
  });

  describe.each(negatives)('$name', ({ name, path: faultyPath, translationCode }) => {
    it('is refused by the XSD and by translation at the faulty element, the one not hiding the other', () => {
      const result = parseInbound(read(name), { schemas: loadB2mmlSchemas(standardsFolder()) });
      expect(codesAndPaths(result)).toEqual([
        ['XSD_INVALID', faultyPath],
        [translationCode, faultyPath],
      ]);
    });

    it('is refused by translation at the same element when no schema is configured', () => {
      expect(codesAndPaths(parseInbound(read(name)))).toEqual([[translationCode, faultyPath]]);
    });
  });
});
