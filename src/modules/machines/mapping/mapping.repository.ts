import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/store/schema.js';
import type { MachineMapping, MachineProtocol, MetricMapping } from './machine-mapping.js';

export type Db = Kysely<Database> | Transaction<Database>;

type Row = Database['machine_mappings'];

function toMapping(r: Pick<Row, 'id' | 'protocol' | 'node' | 'device' | 'equipment_id' | 'metrics'>): MachineMapping {
  return {
    id: r.id, protocol: r.protocol as MachineProtocol, node: r.node, device: r.device, equipmentId: r.equipment_id,
    metrics: JSON.parse(r.metrics) as MetricMapping[],
  };
}

export async function findMapping(db: Db, id: string): Promise<MachineMapping | undefined> {
  const r = await db.selectFrom('machine_mappings').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toMapping(r) : undefined;
}

/** The mapping of a source (protocol, node, device) other than `exceptId`, if any. */
export async function mappingOfSource(db: Db, m: Pick<MachineMapping, 'protocol' | 'node' | 'device'>, exceptId: string): Promise<MachineMapping | undefined> {
  const r = await db.selectFrom('machine_mappings').selectAll()
    .where('protocol', '=', m.protocol).where('node', '=', m.node).where('device', '=', m.device).where('id', '<>', exceptId)
    .executeTakeFirst();
  return r ? toMapping(r) : undefined;
}

export async function listMappings(db: Db): Promise<MachineMapping[]> {
  const rows = await db.selectFrom('machine_mappings').selectAll().orderBy('id').execute();
  return rows.map(toMapping);
}

/**
 * What the mappings look like at a glance: their number and latest change. It moves with every put (a newer
 * updated_at) and delete (a smaller count), so an ingest on another node sees a change without the event.
 */
export async function mappingsStamp(db: Db): Promise<string> {
  const r = await db.selectFrom('machine_mappings').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('at')]).executeTakeFirst();
  return `${Number(r?.n ?? 0)}:${Number(r?.at ?? 0)}`;
}

/** Writes the mapping and points the series of its source at its equipment (the source's history follows). */
export async function saveMapping(db: Db, m: MachineMapping, before: MachineMapping | undefined, at: number, by: string): Promise<void> {
  const row = { protocol: m.protocol, node: m.node, device: m.device, equipment_id: m.equipmentId, metrics: JSON.stringify(m.metrics), updated_at: at, updated_by: by };
  if (before) {
    await db.updateTable('machine_mappings').set(row).where('id', '=', m.id).execute();
    await pointSeries(db, before, null);
  } else {
    await db.insertInto('machine_mappings').values({ id: m.id, ...row }).execute();
  }
  await pointSeries(db, m, m.equipmentId);
}

export async function deleteMapping(db: Db, m: MachineMapping): Promise<void> {
  await db.deleteFrom('machine_mappings').where('id', '=', m.id).execute();
  await pointSeries(db, m, null);
}

async function pointSeries(db: Db, m: Pick<MachineMapping, 'protocol' | 'node' | 'device'>, equipmentId: string | null): Promise<void> {
  await db.updateTable('machine_series').set({ equipment_id: equipmentId })
    .where('protocol', '=', m.protocol).where('node', '=', m.node).where('device', '=', m.device).execute();
}
