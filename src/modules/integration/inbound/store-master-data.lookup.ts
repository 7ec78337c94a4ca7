import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/store/schema.js';
import type { MasterDataLookup, MaterialFacts } from '../b2mml/index.js';
import { findMaterials } from '../../product/index.js';
import { findNode } from '../../resources/index.js';

/**
 * The B2MML semantic check's view of Takt's master data, read through the given transaction: the check and the
 * apply of one message see the same state. Materials in one query; each distinct equipment id once.
 */
export function storeLookup(db: Kysely<Database>): MasterDataLookup {
  return {
    async materials(ids) {
      const found = await findMaterials(db, ids);
      return new Map<string, MaterialFacts>([...found].map(([id, m]) => [id, { uom: m.uom }]));
    },
    async equipment(ids) {
      const known = new Set<string>();
      for (const id of new Set(ids)) if (await findNode(db, id)) known.add(id);
      return known;
    },
  };
}
