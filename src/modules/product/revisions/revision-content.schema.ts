import { z } from 'zod';
import { idField, measuredValue, nameField, positiveQuantity } from '../../../platform/http/fields.js';

/** An inspection characteristic on a routing step: what to measure, its limits, how often, what a failure does. */
export const characteristicSchema = z
  .strictObject({
    code: idField,
    name: nameField,
    type: z.enum(['variable', 'attribute']),
    lsl: measuredValue.optional(),
    usl: measuredValue.optional(),
    target: measuredValue.optional(),
    uom: z.string().min(1).max(20).optional(),
    frequency: z.union([z.enum(['every', 'first']), z.number().int().positive().max(100000)]).default('every'),
    sampling: z.strictObject({ level: z.enum(['I', 'II', 'III', 'S-1', 'S-2', 'S-3', 'S-4']), aql: z.number().positive() }).optional(),
    onFail: z.enum(['hold', 'warn']).default('hold'),
    chart: z.enum(['xbar-r', 'xbar-s', 'i-mr', 'p', 'np', 'c', 'u']).optional(),
    subgroupSize: z.number().int().min(1).max(25).optional(),
  })
  .refine((c) => c.lsl === undefined || c.usl === undefined || c.lsl < c.usl, { message: 'lsl must be below usl', path: ['lsl'] });

/** One line of the bill of materials: how much of a component one unit of the product consumes, and at which step. */
export const bomLineSchema = z.strictObject({
  materialId: idField,
  quantity: positiveQuantity,
  uom: z.string().min(1).max(20),
  operationSeq: z.number().int().min(0).max(100000),
  /** Allowed over-consumption as a fraction (0.05 = 5 %). */
  tolerance: z.number().min(0).max(10).default(0),
});

/** One step of the routing: where it runs, who may run it, how fast, what it inspects. */
export const routingStepSchema = z.strictObject({
  seq: z.number().int().min(0).max(100000),
  name: nameField,
  workCenterId: idField,
  qualification: idField.optional(),
  idealCycleTimeSec: z.number().positive().max(1e7).optional(),
  setupTimeSec: z.number().min(0).max(1e7).optional(),
  /** Opt-in overlap: may start while its predecessor still runs, once the predecessor has reported good output. */
  overlap: z.boolean().default(false),
  /** Critical steps need an electronic signature to complete. */
  critical: z.boolean().default(false),
  workInstruction: z.string().max(20000).optional(),
  inspections: z.array(characteristicSchema).max(100).default([]),
});

export const revisionContentSchema = z.strictObject({
  bom: z.array(bomLineSchema).max(1000),
  routing: z.array(routingStepSchema).min(1).max(500),
});

export type Characteristic = z.output<typeof characteristicSchema>;
export type BomLine = z.output<typeof bomLineSchema>;
export type RoutingStep = z.output<typeof routingStepSchema>;
export type RevisionContent = z.output<typeof revisionContentSchema>;
