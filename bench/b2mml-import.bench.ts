/**
 * B2MML import throughput: a 1,000-order V0600 ProcessProductionSchedule through parse + XSD validation +
 * translation + semantic check, against a baseline in the same process: fast-xml-parser parsing the same
 * document (no validation, no translation). Run: npx tsx bench/b2mml-import.bench.ts
 *
 * The Business To Manufacturing Markup Language (B2MML) is used courtesy of MESA International.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { checkInbound, inMemoryLookup, loadB2mmlSchemas, parseInbound, SCHEMAS_ENV } from '../src/modules/integration/b2mml/index.js';

const ORDERS = 1000;
const ITERATIONS = 15;

function schemaFolder(): string {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const folder = process.env[SCHEMAS_ENV] ?? path.resolve(repoRoot, '../shared/standards/b2mml');
  if (!fs.existsSync(path.join(folder, 'V0600'))) {
    throw new Error(`MESA B2MML schemas not found at ${folder}; set ${SCHEMAS_ENV} to the folder holding V0600/ and V0701/`);
  }
  return folder;
}

function quantity(value: number, uom: string): string {
  return `<Quantity><QuantityString>${value}</QuantityString><DataType>decimal</DataType><UnitOfMeasure>${uom}</UnitOfMeasure></Quantity>`;
}

function segment(order: number, step: number): string {
  const start = new Date(Date.UTC(2024, 2, 4, 6) + order * 3_600_000 + step * 1_200_000).toISOString();
  const end = new Date(Date.UTC(2024, 2, 4, 6) + order * 3_600_000 + (step + 1) * 1_200_000).toISOString();
  const materials =
    step === 1
      ? `<MaterialConsumedRequirement><MaterialDefinitionID>RM-${order % 20}</MaterialDefinitionID>${quantity(2.5 * (1 + (order % 7)), 'kg')}</MaterialConsumedRequirement>`
      : step === 3
        ? `<MaterialProducedRequirement><MaterialDefinitionID>FG-${order % 20}</MaterialDefinitionID>${quantity(10 + (order % 90), 'ea')}</MaterialProducedRequirement>`
        : '';
  return (
    `<SegmentRequirement><ID>${step * 10}</ID><ProcessSegmentID>OP${step * 10}</ProcessSegmentID><Description>Step ${step}</Description>` +
    `<EarliestStartTime>${start}</EarliestStartTime><LatestEndTime>${end}</LatestEndTime><Duration>PT20M</Duration>` +
    `<EquipmentRequirement><EquipmentID>WC-${(order + step) % 10}</EquipmentID></EquipmentRequirement>${materials}</SegmentRequirement>`
  );
}

/** A V0600 ProcessProductionSchedule with `orders` requests of three operations each. */
function generateSchedule(orders: number): string {
  const requests: string[] = [];
  for (let i = 0; i < orders; i += 1) {
    requests.push(
      `<ProductionRequest><ID>WO-${String(i).padStart(6, '0')}</ID><Description>Order ${i}</Description>` +
        `<HierarchyScope><EquipmentID>PLANT-1</EquipmentID><EquipmentElementLevel>Site</EquipmentElementLevel></HierarchyScope>` +
        `<Priority>${i % 5}</Priority>${segment(i, 1)}${segment(i, 2)}${segment(i, 3)}</ProductionRequest>\n`,
    );
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<ProcessProductionSchedule releaseID="V0600" xmlns="http://www.mesa.org/xml/B2MML-V0600">` +
    `<ApplicationArea><Sender><LogicalID>ERP</LogicalID></Sender><CreationDateTime>2024-03-01T06:00:00Z</CreationDateTime>` +
    `<BODID>BENCH-1</BODID></ApplicationArea><DataArea><Process/><ProductionSchedule><ID>SCH-BENCH</ID>\n${requests.join('')}` +
    `</ProductionSchedule></DataArea></ProcessProductionSchedule>\n`
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function main(): Promise<void> {
  const xml = generateSchedule(ORDERS);
  const bytes = Buffer.byteLength(xml, 'utf8');
  const materials: Record<string, { uom: string }> = {};
  for (let i = 0; i < 20; i += 1) {
    materials[`FG-${i}`] = { uom: 'ea' };
    materials[`RM-${i}`] = { uom: 'kg' };
  }
  const lookup = inMemoryLookup(materials, ['PLANT-1', ...Array.from({ length: 10 }, (_, i) => `WC-${i}`)]);

  const schemas = loadB2mmlSchemas(schemaFolder());
  const compileStart = performance.now();
  schemas.warmUp();
  const schemaCompileMs = performance.now() - compileStart;

  const pipeline = async (): Promise<void> => {
    const parsed = parseInbound(xml, { schemas });
    if (!parsed.ok) throw new Error(`benchmark document refused: ${JSON.stringify(parsed.problems.slice(0, 3))}`);
    const checked = await checkInbound(parsed.message, lookup);
    if (!checked.ok) throw new Error(`benchmark document refused: ${JSON.stringify(checked.problems.slice(0, 3))}`);
    if (checked.plan.commands.length !== ORDERS) throw new Error('benchmark lost orders');
  };
  const parser = new XMLParser({ ignoreAttributes: false });
  const baseline = (): void => {
    parser.parse(xml);
  };

  await pipeline();
  baseline();
  const pipelineMs: number[] = [];
  const baselineMs: number[] = [];
  for (let i = 0; i < ITERATIONS; i += 1) {
    let t = performance.now();
    await pipeline();
    pipelineMs.push(performance.now() - t);
    t = performance.now();
    baseline();
    baselineMs.push(performance.now() - t);
  }

  const p = median(pipelineMs);
  const b = median(baselineMs);
  const ordersPerSecond = Math.round((ORDERS / p) * 1000);
  const baselineOrdersPerSecond = Math.round((ORDERS / b) * 1000);
  const ratio = p / b;
  console.log(`B2MML import: ${ORDERS} orders, ${(bytes / 1024).toFixed(0)} KiB, median of ${ITERATIONS} runs`);
  console.log(`  schema compile (once, V0600 + V0701):            ${schemaCompileMs.toFixed(1)} ms`);
  console.log(`  parse + XSD + translate + semantic check:        ${p.toFixed(1)} ms  ${ordersPerSecond} orders/s`);
  console.log(`  baseline: fast-xml-parser parse only:            ${b.toFixed(1)} ms  ${baselineOrdersPerSecond} orders/s`);
  console.log(`  ratio (pipeline time / baseline time):           ${ratio.toFixed(2)}`);
  console.log(
    JSON.stringify({
      bench: 'b2mml-import',
      orders: ORDERS,
      bytes,
      iterations: ITERATIONS,
      schemaCompileMs: Number(schemaCompileMs.toFixed(1)),
      pipelineMs: Number(p.toFixed(2)),
      ordersPerSecond,
      baselineMs: Number(b.toFixed(2)),
      baselineOrdersPerSecond,
      ratio: Number(ratio.toFixed(3)),
    }),
  );
}

await main();
