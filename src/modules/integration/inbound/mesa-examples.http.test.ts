import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeStores } from '../../../../test/support/stores.js';
import { ok, startIntegrationTakt, type IntegrationTakt } from '../../../../test/support/integration-takt.js';
import { loadB2mmlSchemas } from '../b2mml/index.js';
import { outboundProblems } from '../b2mml/fixtures/outbound-xsd.fixture.js';
import { examplesFolder, standardsFolder } from '../b2mml/fixtures/standards.fixture.js';
import { storeCounts } from './import-test.helpers.js';

const BASE = '/ProcessProductionSchedule';
const REQ = `${BASE}/DataArea/ProductionSchedule/ProductionRequest`;

type Expected = { readonly status: 200 } | { readonly status: 422; readonly problems: readonly (readonly [string, string])[] };

/** Takt's own problems of the three requests of the negative examples that have three (none names an id or a product). */
const THREE_EMPTY_REQUESTS: readonly (readonly [string, string])[] = [
  ['MISSING_ID', `${REQ}[1]/ID`], ['MISSING_ID', `${REQ}[2]/ID`], ['MISSING_ID', `${REQ}[3]/ID`],
  ['MISSING_MATERIAL', `${REQ}[1]`], ['MISSING_MATERIAL', `${REQ}[2]`], ['MISSING_MATERIAL', `${REQ}[3]`],
];

/**
 * What Takt answers each MESA example over HTTP, with the plant the examples name (equipment fsf, psc2; material
 * matte in t). The schema-valid examples that ask for work orders lacking an id or a produced material are refused
 * by Takt's own checks at those requests; the empty schedule is acknowledged; the negative ones fail the XSD, and
 * the answer also lists what translation and Takt's own checks find in them: no stage hides another.
 */
const EXPECTED: Readonly<Record<string, Expected>> = {
  'ProcessProductionSchedule.xml': { status: 422, problems: [['MISSING_MATERIAL', `${REQ}[2]`]] },
  'ProcessProductionSchedule_DateTimeKinds.xml': { status: 422, problems: [['MISSING_ID', `${REQ}/ID`], ['MISSING_MATERIAL', REQ]] },
  'ProcessProductionSchedule_EmptyItems.xml': {
    status: 422,
    problems: [['MISSING_ID', `${REQ}[1]/ID`], ['MISSING_ID', `${REQ}[2]/ID`], ['MISSING_ID', `${REQ}[3]/ID`], ['MISSING_MATERIAL', `${REQ}[1]`], ['MISSING_MATERIAL', `${REQ}[2]`], ['MISSING_MATERIAL', `${REQ}[3]`]],
  },
  'ProcessProductionSchedule_EmptySched.xml': { status: 200 },
  'Neg_ProcessProductionSchedule_InvalidCreationTime.xml': {
    status: 422,
    problems: [['XSD_INVALID', `${BASE}/ApplicationArea/CreationDateTime`], ['INVALID_DATETIME', `${BASE}/ApplicationArea/CreationDateTime`], ...THREE_EMPTY_REQUESTS],
  },
  'Neg_ProcessProductionSchedule_InvalidDate.xml': {
    status: 422,
    problems: [
      ['XSD_INVALID', `${REQ}/SegmentRequirement/EarliestStartTime`], ['INVALID_DATETIME', `${REQ}/SegmentRequirement/EarliestStartTime`],
      ['MISSING_ID', `${REQ}/ID`], ['MISSING_MATERIAL', REQ],
    ],
  },
  'Neg_ProcessProductionSchedule_InvalidEqElemLevel.xml': {
    status: 422,
    problems: [['XSD_INVALID', `${REQ}[2]/HierarchyScope/EquipmentElementLevel`], ['INVALID_VALUE', `${REQ}[2]/HierarchyScope/EquipmentElementLevel`], ...THREE_EMPTY_REQUESTS],
  },
  'Neg_ProcessProductionSchedule_InvalidMatUse.xml': {
    status: 422,
    problems: [['XSD_INVALID', `${REQ}[3]/SegmentRequirement/MaterialRequirement/MaterialUse`], ['INVALID_VALUE', `${REQ}[3]/SegmentRequirement/MaterialRequirement/MaterialUse`], ...THREE_EMPTY_REQUESTS],
  },
  'Neg_ProcessProductionSchedule_InvalidQuantityDataType.xml': {
    status: 422,
    problems: [
      ['XSD_INVALID', `${REQ}/SegmentRequirement/MaterialRequirement/Quantity/DataType`], ['INVALID_VALUE', `${REQ}/SegmentRequirement/MaterialRequirement/Quantity/DataType`],
      ['MISSING_ID', `${REQ}/ID`], ['MISSING_MATERIAL', REQ],
    ],
  },
};

const examples = fs.readdirSync(examplesFolder()).filter((f) => f.endsWith('.xml')).sort();
const read = (name: string) => fs.readFileSync(path.join(examplesFolder(), name), 'utf8');

describeStores('MESA B2MML examples through POST /integration/b2mml', (dialect) => {
  let t: IntegrationTakt & { release(): Promise<void> };

  beforeAll(async () => {
    t = await startIntegrationTakt(dialect, { schemas: loadB2mmlSchemas(standardsFolder()) });
    await ok(t, 'PUT', '/api/v1/sites/fsf', { name: 'Flash smelting furnace' });
    await ok(t, 'PUT', '/api/v1/areas/psc2', { name: 'Peirce-Smith converter 2', parentId: 'fsf' });
    await ok(t, 'PUT', '/api/v1/materials/matte', { name: 'Copper matte', uom: 't', lotControlled: true });
  });
  afterAll(async () => {
    await t.close();
    await t.release();
  });

  it('has an expectation for every example in the folder', () => {
    expect(examples).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', async (name, expected) => {
    const before = await storeCounts(t.takt.store.db);
    const r = await t.postXml(read(name));
    expect(r.status, JSON.stringify(r.body)).toBe(expected.status);
    if (expected.status === 200) {
      expect(String(r.body)).toContain('<AcknowledgeProductionSchedule ');
      expect(outboundProblems(String(r.body), 'V0600')).toEqual([]);
      return;
    }
    const found = r.body.violations.map((v: { code: string; field: string }) => [v.code, v.field]);
    expect(found).toEqual(expected.problems);
    expect(await storeCounts(t.takt.store.db)).toEqual(before);
  });
});
