import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { B2mmlSchemaError, SCHEMAS_ENV, loadB2mmlSchemas, schemasFromEnvironment } from './b2mml-xsd.validator.js';
import { readFixture, standardsFolder } from './fixtures/standards.fixture.js';
import { parseXmlDocument } from './xml-document.parser.js';
import type { B2mmlVersion } from './b2mml-version.constants.js';

function validate(xml: string, version: B2mmlVersion) {
  const parsed = parseXmlDocument(xml);
  if (!parsed.ok) throw new Error('fixture is not well-formed');
  try {
    return loadB2mmlSchemas(standardsFolder()).validate(version, parsed.document, parsed.root);
  } finally {
    parsed.document.dispose();
  }
}

describe('loadB2mmlSchemas', () => {
  it('returns one schema set per folder and compiles each version once however often it validates', () => {
    const schemas = loadB2mmlSchemas(standardsFolder());
    expect(loadB2mmlSchemas(`${standardsFolder()}${path.sep}`)).toBe(schemas);
    for (let i = 0; i < 3; i += 1) {
      expect(validate(readFixture('v0600-process-production-schedule.xml'), 'V0600')).toEqual([]);
      expect(validate(readFixture('v0701-process-operations-schedule.xml'), 'V0701')).toEqual([]);
    }
    expect(schemas.compilations()).toBe(2);
    schemas.warmUp();
    expect(schemas.compilations()).toBe(2);
  });

  it('fails clearly, naming the missing file, when the folder is not a complete schema set', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'b2mml-'));
    try {
      expect(() => loadB2mmlSchemas(empty)).toThrow(B2mmlSchemaError);
      expect(() => loadB2mmlSchemas(empty)).toThrow(/V0600\/B2MML-V0600-ProductionSchedule\.xsd is missing/);
    } finally {
      fs.rmSync(empty, { recursive: true });
    }
  });

  it('reads the folder from TAKT_B2MML_SCHEMAS and skips XSD validation when it is unset', () => {
    expect(SCHEMAS_ENV).toBe('TAKT_B2MML_SCHEMAS');
    expect(schemasFromEnvironment({})).toBeNull();
    expect(schemasFromEnvironment({ TAKT_B2MML_SCHEMAS: ' ' })).toBeNull();
    expect(schemasFromEnvironment({ TAKT_B2MML_SCHEMAS: standardsFolder() })).toBe(loadB2mmlSchemas(standardsFolder()));
  });
});

describe('B2mmlSchemas.validate', () => {
  it('reports each schema error with its line and named element path', () => {
    const problems = validate(readFixture('neg-v0701-operations-schedule-xsd.xml'), 'V0701');
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'XSD_INVALID',
        path: '/ProcessOperationsSchedule/DataArea/OperationsSchedule/OperationsRequest/SegmentRequirement',
        line: 14,
      }),
    ]);
    expect(problems[0]?.message).toContain('OperationsDefinitionID');
    expect(problems[0]?.message).not.toContain('{http://www.mesa.org');
  });

  it('reports every error, not just the first', () => {
    const xml = readFixture('v0600-process-production-schedule.xml')
      .replace('<Priority>2</Priority>', '<Priority>high</Priority>')
      .replace('<Duration>PT2H</Duration>', '<Duration>2 hours</Duration>');
    const problems = validate(xml, 'V0600');
    expect(problems.map((p) => p.path)).toEqual([
      '/ProcessProductionSchedule/DataArea/ProductionSchedule/ProductionRequest[1]/Priority',
      '/ProcessProductionSchedule/DataArea/ProductionSchedule/ProductionRequest[1]/SegmentRequirement[1]/Duration',
    ]);
  });

  it('names an attribute error by its element', () => {
    const xml = readFixture('v0600-sync-material-lot.xml').replace(' releaseID="V0600"', '');
    expect(validate(xml, 'V0600')).toEqual([
      expect.objectContaining({ code: 'XSD_INVALID', path: '/SyncMaterialLot', line: 2 }),
    ]);
  });
});
