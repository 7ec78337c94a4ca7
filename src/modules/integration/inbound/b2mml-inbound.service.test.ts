import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeStores } from '../../../../test/support/stores.js';
import { startIntegrationTakt, type IntegrationTakt } from '../../../../test/support/integration-takt.js';
import type { Reply } from '../../../../test/support/takt.js';
import { loadB2mmlSchemas } from '../b2mml/index.js';
import { examplesFolder, readFixture, standardsFolder } from '../b2mml/fixtures/standards.fixture.js';
import { storeCounts } from './import-test.helpers.js';

const BASE = '/ProcessProductionSchedule';
const REQ = `${BASE}/DataArea/ProductionSchedule/ProductionRequest`;
const CREATED = `${BASE}/ApplicationArea/CreationDateTime`;
const LOT = '/SyncMaterialLot/DataArea/MaterialLot';

/** An official MESA example (read from the standards folder, never copied into the repository). */
const example = (name: string) => fs.readFileSync(path.join(examplesFolder(), name), 'utf8');
/** The COCOP example schedule with its CreationDateTime replaced. */
const cocopCreatedAt = (text: string) => example('ProcessProductionSchedule.xml').replace('2019-04-24T14:10:25Z', text);
/** The same document with every element in the namespace through prefix `b:` instead of the default namespace. */
const prefixed = (xml: string) => xml.replace(/<(\/?)(?=[A-Za-z])/g, '<$1b:').replace(' xmlns="', ' xmlns:b="');

/** What Takt's own checks find in the COCOP example in a plant that knows none of what it names. */
const COCOP_IN_EMPTY_PLANT: readonly (readonly [string, string])[] = [
  ['UNKNOWN_MATERIAL', `${REQ}[1]/SegmentRequirement[1]/MaterialRequirement[1]/MaterialDefinitionID`],
  ['UNKNOWN_EQUIPMENT', `${REQ}[1]/HierarchyScope/EquipmentID`],
  ['MISSING_MATERIAL', `${REQ}[2]`],
];

const found = (r: Reply): [string, string][] => r.body.violations.map((v: { code: string; field: string }) => [v.code, v.field]);

/**
 * The 422 of POST /integration/b2mml lists every problem of the message as far as it can be read: the XSD errors, the
 * values translation cannot read, and Takt's own checks of every item, each once with its XML path. Both plants here
 * are empty, so the master-data checks have something to say.
 */
describeStores('every problem of a message in one answer', (dialect) => {
  let withSchemas: IntegrationTakt & { release(): Promise<void> };
  let withoutSchemas: IntegrationTakt & { release(): Promise<void> };

  beforeAll(async () => {
    withSchemas = await startIntegrationTakt(dialect, { schemas: loadB2mmlSchemas(standardsFolder()) });
    withoutSchemas = await startIntegrationTakt(dialect, { schemas: null });
  });
  afterAll(async () => {
    for (const t of [withSchemas, withoutSchemas]) {
      await t.close();
      await t.release();
    }
  });

  /** Posts, expects 422 with nothing written, and that the dry run answers the same list; returns the list. */
  async function refused(t: IntegrationTakt, xml: string): Promise<[string, string][]> {
    const before = await storeCounts(t.takt.store.db);
    const r = await t.postXml(xml);
    expect(r.status, JSON.stringify(r.body)).toBe(422);
    const dry = await t.postXml(xml, { query: '?dryRun=true' });
    expect(dry.status).toBe(200);
    expect(dry.body.allowed).toBe(false);
    expect(found(dry)).toEqual(found(r));
    expect(await storeCounts(t.takt.store.db)).toEqual(before);
    return found(r);
  }

  describe('no stage hides another', () => {
    it('lists the master-data problems of a schema-valid message (the baseline)', async () => {
      expect(await refused(withSchemas, cocopCreatedAt('2019-04-24T14:10:25Z'))).toEqual(COCOP_IN_EMPTY_PLANT);
    });

    it('lists the XSD error, the unreadable value and the master-data problems of a schema-invalid message at once', async () => {
      expect(await refused(withSchemas, cocopCreatedAt('bad-date'))).toEqual([
        ['XSD_INVALID', CREATED],
        ['INVALID_DATETIME', CREATED],
        ...COCOP_IN_EMPTY_PLANT,
      ]);
    });

    it('reads the data area of a message whose header date is broken when no schema is configured', async () => {
      const xml = example('Neg_ProcessProductionSchedule_InvalidDate.xml').replace('2019-04-24T14:10:25Z', '2019-04-24T14:10:2sdf5Z');
      expect(await refused(withoutSchemas, xml)).toEqual([
        ['INVALID_DATETIME', CREATED],
        ['INVALID_DATETIME', `${REQ}/SegmentRequirement/EarliestStartTime`],
        ['MISSING_ID', `${REQ}/ID`],
        ['MISSING_MATERIAL', REQ],
        ['UNKNOWN_EQUIPMENT', `${REQ}/HierarchyScope/EquipmentID`],
      ]);
    });

    it('checks the material of a lot whose quantity cannot be read, without calling the quantity missing', async () => {
      const xml = readFixture('v0701-sync-material-lot.xml').replace('>5000<', '>abc<').replace('>RM-BOLT<', '>RM-NOWHERE<');
      const expected = [
        ['QUANTITY_TYPE_MISMATCH', `${LOT}/Quantity/QuantityString`],
        ['UNKNOWN_MATERIAL', `${LOT}/MaterialDefinitionID`],
      ];
      expect(await refused(withoutSchemas, xml)).toEqual(expected);
      expect(await refused(withSchemas, xml)).toEqual(expected);
    });

    it('still refuses a document that cannot be read on its own problems', async () => {
      expect(await refused(withSchemas, readFixture('neg-billion-laughs.xml'))).toEqual([['XML_DOCTYPE_FORBIDDEN', '/']]);
      expect(await refused(withSchemas, '<ProcessProductionSchedule xmlns="http://www.mesa.org/xml/B2MML-V0600"><DataArea>')).toEqual([
        ['XML_MALFORMED', '/'],
      ]);
    });
  });

  describe('XSD errors of a namespace-prefixed message', () => {
    it('are located at the element paths the other checks use, as in the unprefixed message', async () => {
      const xml = prefixed(cocopCreatedAt('yesterday')).replace('>ProcessCell<', '>Cell<');
      const scopeLevel = `${REQ}[1]/HierarchyScope/EquipmentElementLevel`;
      expect(await refused(withSchemas, xml)).toEqual([
        ['XSD_INVALID', CREATED],
        ['XSD_INVALID', scopeLevel],
        ['INVALID_DATETIME', CREATED],
        ['INVALID_VALUE', scopeLevel],
        ...COCOP_IN_EMPTY_PLANT,
      ]);
    });

    it('name a V0701 SyncMaterialLot element without its prefix or a repeated root', async () => {
      const xml = prefixed(readFixture('v0701-sync-material-lot.xml')).replace('2024-02-10T09:30:00Z', 'yesterday');
      expect(await refused(withSchemas, xml)).toEqual([
        ['XSD_INVALID', '/SyncMaterialLot/ApplicationArea/CreationDateTime'],
        ['INVALID_DATETIME', '/SyncMaterialLot/ApplicationArea/CreationDateTime'],
        ['UNKNOWN_MATERIAL', `${LOT}/MaterialDefinitionID`],
      ]);
    });
  });
});
