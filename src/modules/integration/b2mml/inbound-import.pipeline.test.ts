import { describe, expect, it } from 'vitest';
import { loadB2mmlSchemas } from './b2mml-xsd.validator.js';
import { readFixture, standardsFolder } from './fixtures/standards.fixture.js';
import { importInbound } from './inbound-import.pipeline.js';
import { inMemoryLookup } from './master-data.lookup.js';

const lookup = inMemoryLookup({ 'RM-STEEL': { uom: 'kg' } }, []);
const schemas = loadB2mmlSchemas(standardsFolder());

describe('importInbound', () => {
  it('runs all three layers and returns the message with its plan', async () => {
    const result = await importInbound(readFixture('v0600-sync-material-lot.xml'), lookup, { schemas });
    expect(result).toMatchObject({ ok: true, message: { messageId: 'ERP-ML-0001', schemaValidated: true }, plan: { commands: [{ type: 'upsert-lot' }, { type: 'upsert-lot' }] } });
  });

  it('returns no message when parsing refused', async () => {
    expect(await importInbound('<oops', lookup)).toMatchObject({ ok: false, message: null, problems: [{ code: 'XML_MALFORMED' }] });
  });

  it('returns the parsed message with the semantic problems, to address a ConfirmBOD', async () => {
    const result = await importInbound(readFixture('v0600-sync-material-lot-semantic-errors.xml'), lookup, { schemas });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message?.kind).toBe('material-lots');
    expect(!result.ok && result.problems.map((p) => p.code)).toContain('UNKNOWN_MATERIAL');
  });

  it('checks what it could read of a message parsing refused, listing the problems of every stage at once', async () => {
    const xml = readFixture('v0600-sync-material-lot.xml').replace('>1200<', '>lots<').replace('>RM-STEEL<', '>RM-GOLD<');
    const result = await importInbound(xml, lookup, { schemas });
    const lot = '/SyncMaterialLot/DataArea/MaterialLot[1]';
    expect(result).toMatchObject({ ok: false, message: null });
    expect(!result.ok && result.problems.map((p) => [p.code, p.path])).toEqual([
      ['QUANTITY_TYPE_MISMATCH', `${lot}/Quantity/QuantityString`],
      ['UNKNOWN_MATERIAL', `${lot}/MaterialDefinitionID`],
    ]);
  });
});
