import { z } from 'zod';
import { EQUIPMENT_STATES, taktStateFromPackMl, type EquipmentState } from '../../equipment/index.js';
import { idField } from '../../../platform/http/fields.js';

/** What a metric means to Takt. */
export const METRIC_ROLES = ['state', 'count_total', 'count_reject', 'process_value', 'alarm'] as const;
export type MetricRole = (typeof METRIC_ROLES)[number];

/** The protocols a source speaks; the node names a source within it (Sparkplug: `<group_id>/<edge_node_id>`). */
export const MACHINE_PROTOCOLS = ['sparkplug', 'opcua'] as const;
export type MachineProtocol = (typeof MACHINE_PROTOCOLS)[number];

/** Roles that at most one metric of a mapping may take: two state metrics or two counters would fight. */
export const SINGLE_ROLES: ReadonlySet<MetricRole> = new Set(['state', 'count_total', 'count_reject']);

export interface StateTarget {
  readonly state: EquipmentState;
  readonly reason?: string | null | undefined;
}

export interface MetricMapping {
  readonly metric: string;
  readonly role: MetricRole;
  /** For `state`: the machine value (as text) → Takt state. Absent: PackML state numbers, or Takt state names. */
  readonly states?: Readonly<Record<string, StateTarget>> | undefined;
  /** For `process_value`: the quality characteristic code whose SPC rules judge the values. */
  readonly characteristic?: string | undefined;
}

/** A machine source and what its metrics mean for one piece of equipment. */
export interface MachineMapping {
  readonly id: string;
  readonly protocol: MachineProtocol;
  readonly node: string;
  /** '' for the node itself. */
  readonly device: string;
  readonly equipmentId: string;
  readonly metrics: readonly MetricMapping[];
}

const sourceId = z.string().min(1).max(300).refine((s) => !/[+#]/.test(s) && s.trim() === s, 'must not contain + or # or surrounding spaces');

export const stateTargetSchema = z.strictObject({
  state: z.enum(EQUIPMENT_STATES),
  reason: z.string().trim().min(1).max(100).nullable().optional(),
});

export const metricMappingSchema = z.strictObject({
  metric: z.string().min(1).max(300),
  role: z.enum(METRIC_ROLES),
  states: z.record(z.string().min(1).max(100), stateTargetSchema).optional(),
  characteristic: idField.optional(),
});

export const mappingBodySchema = z.strictObject({
  equipmentId: idField,
  protocol: z.enum(MACHINE_PROTOCOLS).default('sparkplug'),
  node: sourceId,
  device: sourceId.nullable().optional(),
  metrics: z.array(metricMappingSchema).max(1000),
});

export type MappingBody = z.output<typeof mappingBodySchema>;

/** Where a problem of a mapping body is: the field path the 400 names, and why. */
export interface MappingProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * Problems a mapping body has on its own (no store needed): a metric mapped twice, a role that only one metric
 * may take given twice, a process value without a characteristic, a state table on a role that is not `state`,
 * a characteristic on a role that is not `process_value`.
 */
export function mappingShapeProblems(body: Pick<MappingBody, 'metrics'>): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const names = new Set<string>();
  const roles = new Set<MetricRole>();
  body.metrics.forEach((m, i) => {
    if (names.has(m.metric)) problems.push({ field: `metrics[${i}].metric`, message: `metric "${m.metric}" is mapped twice` });
    names.add(m.metric);
    if (SINGLE_ROLES.has(m.role) && roles.has(m.role)) problems.push({ field: `metrics[${i}].role`, message: `only one metric may have the role ${m.role}` });
    roles.add(m.role);
    if (m.role === 'process_value' && m.characteristic === undefined) {
      problems.push({ field: `metrics[${i}].characteristic`, message: 'a process value needs the characteristic its values are judged on' });
    }
    if (m.role !== 'process_value' && m.characteristic !== undefined) {
      problems.push({ field: `metrics[${i}].characteristic`, message: 'only a process value has a characteristic' });
    }
    if (m.role !== 'state' && m.states !== undefined) problems.push({ field: `metrics[${i}].states`, message: 'only a state metric has a state table' });
  });
  return problems;
}

/** A scalar value as the key of a state table: numbers and booleans by their text (`6`, `true`). */
export function stateKey(value: number | boolean | string): string {
  return typeof value === 'string' ? value : String(value);
}

/**
 * The Takt state a state metric's value means: the mapping's table when it has one; otherwise a PackML state
 * number (1..17) by the equipment module's PackML map, or a Takt state name as text. Undefined when it means none.
 */
export function stateOf(mapping: MetricMapping, value: number | boolean | string): StateTarget | undefined {
  if (mapping.states) return mapping.states[stateKey(value)];
  if (typeof value === 'number') return taktStateFromPackMl(value) ?? undefined;
  if (typeof value === 'string') {
    if ((EQUIPMENT_STATES as readonly string[]).includes(value)) return { state: value as EquipmentState, reason: null };
    const n = Number(value);
    return value.trim() !== '' && Number.isInteger(n) ? (taktStateFromPackMl(n) ?? undefined) : undefined;
  }
  return undefined;
}
