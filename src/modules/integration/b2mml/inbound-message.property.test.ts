import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { B2MML_NAMESPACES } from './b2mml-version.constants.js';
import { loadB2mmlSchemas } from './b2mml-xsd.validator.js';
import { readFixture, standardsFolder } from './fixtures/standards.fixture.js';
import { checkInbound } from './inbound-semantics.checker.js';
import { parseInbound, type ParseInboundOptions, type ParseInboundResult } from './inbound-message.parser.js';
import { inMemoryLookup } from './master-data.lookup.js';

const FIXTURES = [
  'v0600-process-production-schedule.xml',
  'v0600-process-operations-schedule.xml',
  'v0701-process-operations-schedule.xml',
  'v0600-sync-material-definition.xml',
  'v0701-sync-material-lot.xml',
  'v0600-production-schedule-semantic-errors.xml',
].map(readFixture);

const NAMES = [
  'ApplicationArea', 'CreationDateTime', 'BODID', 'DataArea', 'Process', 'Sync', 'ActionCriteria', 'ActionExpression',
  'ProductionSchedule', 'ProductionRequest', 'OperationsSchedule', 'OperationsRequest', 'SegmentRequirement',
  'SegmentRequirementChild', 'ID', 'Description', 'StartTime', 'EndTime', 'Priority', 'HierarchyScope', 'EquipmentID',
  'EquipmentElementLevel', 'EarliestStartTime', 'LatestEndTime', 'Duration', 'EquipmentRequirement',
  'MaterialRequirement', 'MaterialProducedRequirement', 'MaterialConsumedRequirement', 'MaterialDefinitionID',
  'MaterialUse', 'Quantity', 'QuantityString', 'DataType', 'UnitOfMeasure', 'Key', 'MaterialDefinition',
  'MaterialDefinitionProperty', 'Value', 'ValueString', 'MaterialLot', 'MaterialLotProperty', 'Status',
];
const ROOTS = ['ProcessProductionSchedule', 'SyncProductionSchedule', 'ProcessOperationsSchedule', 'SyncMaterialDefinition', 'SyncMaterialLot'];
const TEXTS = fc.oneof(
  fc.constantFrom('', '1', '-3', '2.5', 'INF', 'NaN', 'Produced', 'Consumed', 'double', 'integer', 'boolean', 'Site', 'PT1H', 'P', 'true'),
  fc.constantFrom('2024-01-01T00:00:00Z', '2024-02-30T00:00:00Z', '2024-01-01', 'kg', 'ea', 't/h', 'Released', 'Delete'),
  fc.string({ maxLength: 12 }),
);

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const tree: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.tuple(fc.constantFrom(...NAMES), TEXTS).map(([n, t]) => `<${n}>${escape(t)}</${n}>`),
    fc.tuple(fc.constantFrom(...NAMES), fc.array(tie('node'), { maxLength: 4 })).map(([n, kids]) => `<${n}>${kids.join('')}</${n}>`),
    fc.constantFrom('<ActionExpression actionCode="Delete"/>', '<ActionExpression actionCode="Rejected"/>'),
  ),
})).node;

const b2mmlLike = fc
  .tuple(fc.constantFrom(...ROOTS), fc.constantFrom(...Object.values(B2MML_NAMESPACES), 'urn:other'), fc.array(tree, { maxLength: 4 }))
  .map(([root, ns, kids]) => `<${root} releaseID="x" xmlns="${ns}">${kids.join('')}</${root}>`);

/** A valid envelope around random content, so translation (not only the envelope checks) is exercised. */
const enveloped = fc
  .tuple(fc.constantFrom(...ROOTS), fc.constantFrom(...Object.values(B2MML_NAMESPACES)), fc.array(tree, { maxLength: 5 }))
  .map(([root, ns, kids]) => {
    const verb = root.startsWith('Sync') ? 'Sync' : 'Process';
    const noun = root.slice(verb.length);
    const body = kids.map((k) => `<${noun}>${k}</${noun}>`).join('');
    return `<${root} releaseID="x" xmlns="${ns}"><ApplicationArea><CreationDateTime>2024-01-01T00:00:00Z</CreationDateTime></ApplicationArea><DataArea><${verb}/>${body}</DataArea></${root}>`;
  });

const mutated = fc
  .tuple(fc.constantFrom(...FIXTURES), fc.nat(), fc.nat({ max: 40 }), fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('<', '>', '&', '</ID>', '<!DOCTYPE x>', '"', '<ID>')))
  .map(([xml, at, length, insert]) => {
    const i = at % (xml.length + 1);
    return xml.slice(0, i) + insert + xml.slice(i + length);
  });

function refusalsArePlaced(result: ParseInboundResult): boolean {
  if (result.ok) return true;
  return result.problems.length > 0 && result.problems.every((p) => p.path.startsWith('/') && p.message.length > 0 && p.code.length > 0);
}

function neverThrowsAndPlacesRefusals(arbitrary: fc.Arbitrary<string>, options: ParseInboundOptions, numRuns: number): void {
  fc.assert(
    fc.property(arbitrary, (xml) => {
      const result = parseInbound(xml, options);
      expect(refusalsArePlaced(result)).toBe(true);
    }),
    { numRuns },
  );
}

/** Any UTF-16 code unit, lone surrogates included (fast-check's 'binary' unit is slow to set up). */
const CODE_UNIT = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

describe('parseInbound properties', () => {
  it('never throws for any string, and every refusal has a path', () => {
    neverThrowsAndPlacesRefusals(fc.oneof(fc.string({ unit: CODE_UNIT, maxLength: 200 }), fc.string({ maxLength: 200 })), {}, 400);
  });

  it('never throws for B2MML-shaped documents with arbitrary structure and values', () => {
    neverThrowsAndPlacesRefusals(b2mmlLike, {}, 400);
  });

  it('never throws for valid envelopes around arbitrary content', () => {
    neverThrowsAndPlacesRefusals(enveloped, {}, 400);
  });

  it('never throws for mutations of real messages', () => {
    neverThrowsAndPlacesRefusals(mutated, {}, 400);
  });

  it('keeps both properties with XSD validation on', () => {
    const schemas = loadB2mmlSchemas(standardsFolder());
    neverThrowsAndPlacesRefusals(fc.oneof(b2mmlLike, enveloped, mutated), { schemas }, 200);
  });

  it('is deterministic: the same text gives the same result', () => {
    fc.assert(
      fc.property(fc.oneof(b2mmlLike, mutated), (xml) => {
        expect(parseInbound(xml)).toEqual(parseInbound(xml));
      }),
      { numRuns: 100 },
    );
  });

  it('lets checkInbound take whatever parseInbound accepts, refusing only with paths', async () => {
    const lookup = inMemoryLookup({ 'FG-FLANGE': { uom: 'ea' }, 'RM-STEEL': { uom: 'kg' } }, ['WC-LATHE']);
    await fc.assert(
      fc.asyncProperty(fc.oneof(enveloped, mutated), async (xml) => {
        const parsed = parseInbound(xml);
        if (!parsed.ok) return;
        const checked = await checkInbound(parsed.message, lookup);
        expect(checked.ok || checked.problems.every((p) => p.path.startsWith('/'))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
