import type { MetricCatalog } from './host-session.state.js';
import type { DropReason, MetricDefinition } from './host-session.types.js';
import { dataTypeName, type SparkplugDataType } from './sparkplug-datatype.codes.js';
import type { SparkplugMetric } from './sparkplug-payload.types.js';

export type CatalogReadResult =
  | { readonly ok: true; readonly catalog: MetricCatalog; readonly definitions: readonly MetricDefinition[] }
  | { readonly ok: false; readonly detail: string };

export type MetricResolution =
  | { readonly ok: true; readonly definition: MetricDefinition }
  | { readonly ok: false; readonly reason: Extract<DropReason, 'unknown-alias' | 'unknown-metric' | 'datatype-mismatch'>; readonly detail: string };

// Types a metric cannot carry as its own value (PropertySet/List only exist inside property values).
const NOT_METRIC_TYPES: ReadonlySet<SparkplugDataType> = new Set(['Unknown', 'PropertySet', 'PropertySetList']);

function definitionOf(metric: SparkplugMetric): MetricDefinition | string {
  if (metric.name === undefined || metric.name === '') return 'a birth metric has no name';
  const datatype = metric.datatype === undefined ? undefined : dataTypeName(metric.datatype);
  if (datatype === undefined || NOT_METRIC_TYPES.has(datatype)) return `metric "${metric.name}" has datatype ${metric.datatype ?? 'none'}`;
  return {
    name: metric.name,
    datatype,
    ...(metric.alias !== undefined ? { alias: metric.alias } : {}),
    ...(metric.properties ? { properties: metric.properties } : {}),
    ...(metric.metadata ? { metadata: metric.metadata } : {}),
  };
}

/**
 * Reads the metric catalog a NBIRTH or DBIRTH declares (Sparkplug 3.0, 6.4.6 and 6.4.18-19): every
 * metric has a name and a datatype; an alias is unique across the edge node's entire set of metrics
 * (`aliasesTaken` holds those of the node and its other devices). A name may repeat (historical values
 * before the current one) only with the same datatype and alias. Never throws.
 */
export function readBirthCatalog(metrics: readonly SparkplugMetric[], aliasesTaken: ReadonlySet<bigint>): CatalogReadResult {
  const byName = new Map<string, MetricDefinition>();
  const nameByAlias = new Map<bigint, string>();
  for (const metric of metrics) {
    const definition = definitionOf(metric);
    if (typeof definition === 'string') return { ok: false, detail: definition };
    const known = byName.get(definition.name);
    if (known) {
      if (known.datatype !== definition.datatype || known.alias !== definition.alias) {
        return { ok: false, detail: `metric "${definition.name}" is declared twice differently` };
      }
      continue;
    }
    if (definition.alias !== undefined) {
      if (aliasesTaken.has(definition.alias) || nameByAlias.has(definition.alias)) {
        return { ok: false, detail: `alias ${definition.alias} of "${definition.name}" is not unique on the edge node` };
      }
      nameByAlias.set(definition.alias, definition.name);
    }
    byName.set(definition.name, definition);
  }
  return { ok: true, catalog: { byName, nameByAlias }, definitions: [...byName.values()] };
}

/**
 * Finds the birth definition of a DATA metric: by alias when it has one (3.0: DATA metrics carry
 * only the alias when aliases are used), else by name; a datatype it carries must match the birth's.
 */
export function resolveDataMetric(catalog: MetricCatalog, metric: SparkplugMetric): MetricResolution {
  let name = metric.name;
  if (metric.alias !== undefined) {
    name = catalog.nameByAlias.get(metric.alias);
    if (name === undefined) return { ok: false, reason: 'unknown-alias', detail: `alias ${metric.alias} was not in the birth` };
  }
  if (name === undefined) return { ok: false, reason: 'unknown-metric', detail: 'metric has neither name nor alias' };
  const definition = catalog.byName.get(name);
  if (!definition) return { ok: false, reason: 'unknown-metric', detail: `"${name}" was not in the birth` };
  if (metric.datatype !== undefined && dataTypeName(metric.datatype) !== definition.datatype) {
    return { ok: false, reason: 'datatype-mismatch', detail: `"${name}" was born ${definition.datatype}, got datatype code ${metric.datatype}` };
  }
  return { ok: true, definition };
}

/** All aliases in use on a catalog. */
export function aliasesOf(catalog: MetricCatalog): bigint[] {
  return [...catalog.nameByAlias.keys()];
}
