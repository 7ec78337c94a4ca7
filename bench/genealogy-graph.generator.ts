/**
 * A synthetic plant genealogy for the trace benchmark: LEVELS + 1 levels of lots (level 0 raw material, the top level
 * finished goods), each lot made from about three lots of the level below it by one work order.
 *
 * Shape (what a plant's genealogy looks like, not a random graph whose closure is the whole database):
 * - lot i of level k feeds lots i-1, i, i+1 of level k+1 (its neighbours in time: one raw lot runs into the
 *   orders made around it), so a trace widens by two lots per level;
 * - one lot in ten also feeds a random lot of level k+1 (a common lot used by an unrelated order), which
 *   makes traces fan out into other regions of the plant;
 * - every 997th lot of level k ≥ 1 is reworked: an edge back to lot i of level k-1 closes a loop.
 * Edges come out ordered by (from_lot, to_lot), the primary key's order, so bulk loading appends to the index.
 */

export interface GraphShape {
  readonly levels: number;
  /** Lots per level. */
  readonly width: number;
}

export interface EdgeRow {
  readonly from: string;
  readonly to: string;
  readonly workOrderId: string;
}

export interface LotRow {
  readonly id: string;
  readonly materialId: string;
  readonly workOrderId: string | null;
}

/** Edges per lot: three neighbours, one random edge in ten, one rework edge in 997. */
export const EDGES_PER_LOT = 3 + 0.1 + 1 / 997;

/** The width that gives about `edges` edges over `levels` edge layers. */
export function shapeFor(edges: number, levels: number): GraphShape {
  return { levels, width: Math.max(3, Math.round(edges / (levels * EDGES_PER_LOT))) };
}

export function lotId(level: number, i: number): string {
  return `L${String(level).padStart(2, '0')}-${String(i).padStart(8, '0')}`;
}

export function materialOf(level: number): string {
  return `M${String(level).padStart(2, '0')}`;
}

/** The order that made lot i of level k (none for raw material). */
export function orderOf(level: number, i: number): string | null {
  return level === 0 ? null : `WO-${String(level).padStart(2, '0')}-${String(i).padStart(8, '0')}`;
}

/** A small, fast, seeded PRNG (mulberry32): the same graph on every run and both dialects. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every lot, in id order. */
export function* lots(shape: GraphShape): Generator<LotRow> {
  for (let level = 0; level <= shape.levels; level += 1) {
    for (let i = 0; i < shape.width; i += 1) yield { id: lotId(level, i), materialId: materialOf(level), workOrderId: orderOf(level, i) };
  }
}

/** Every edge, in (from_lot, to_lot) order. */
export function* edges(shape: GraphShape, seed = 42): Generator<EdgeRow> {
  const random = prng(seed);
  const w = shape.width;
  for (let level = 0; level <= shape.levels; level += 1) {
    for (let i = 0; i < w; i += 1) {
      const from = lotId(level, i);
      const out = new Map<string, string>();
      if (level < shape.levels) {
        for (const j of [(i - 1 + w) % w, i, (i + 1) % w]) out.set(lotId(level + 1, j), orderOf(level + 1, j) as string);
        if (random() < 0.1) {
          const j = Math.floor(random() * w);
          out.set(lotId(level + 1, j), orderOf(level + 1, j) as string);
        }
      }
      if (level >= 1 && i % 997 === 0) out.set(lotId(level - 1, i), `RW-${String(level).padStart(2, '0')}-${String(i).padStart(8, '0')}`);
      for (const to of [...out.keys()].sort()) yield { from, to, workOrderId: out.get(to) as string };
    }
  }
}
