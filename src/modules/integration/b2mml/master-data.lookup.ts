/** What the semantic check needs to know about an existing material. */
export interface MaterialFacts {
  readonly uom: string;
}

/**
 * Read access to Takt's master data, asked once per message with every id it names (one query each,
 * not one per order). Implementations answer only for ids that exist.
 */
export interface MasterDataLookup {
  /** The materials among `ids` that exist, with their unit of measure. */
  materials(ids: readonly string[]): Promise<ReadonlyMap<string, MaterialFacts>> | ReadonlyMap<string, MaterialFacts>;
  /** The ids among `ids` that exist anywhere in the equipment hierarchy (site, area, work center, equipment). */
  equipment(ids: readonly string[]): Promise<ReadonlySet<string>> | ReadonlySet<string>;
}

/** A lookup over fixed data: for tests, benchmarks, and imports into an empty plant. */
export function inMemoryLookup(
  materials: Readonly<Record<string, MaterialFacts>>,
  equipment: Iterable<string>,
): MasterDataLookup {
  const known = new Map(Object.entries(materials));
  const places = new Set(equipment);
  return {
    materials: (ids) => new Map(ids.flatMap((id) => {
      const facts = known.get(id);
      return facts === undefined ? [] : [[id, facts] as const];
    })),
    equipment: (ids) => new Set(ids.filter((id) => places.has(id))),
  };
}
