import type { Kysely } from 'kysely';
import { precompiled } from './precompiled.js';
import { mapRead, runRead, type StoreRead } from './read-together.js';
import type { Database } from './schema.js';

const selectSetting = precompiled((db, key: string) => db.selectFrom('settings').select('value').where('key', '=', key));

/** A plant setting's stored text (undefined while unset), as a read to run with others. */
export function settingRead(key: string): StoreRead<string | undefined> {
  return mapRead(selectSetting.read(key), ([r]) => r?.value);
}

/**
 * A plant setting that is a whole number of at least 0 (days to keep, a maximum age); the fallback while it is unset
 * or holds anything else.
 */
export async function readWholeNumberSetting(db: Kysely<Database>, key: string, fallback: number): Promise<number> {
  const value = await runRead(db, settingRead(key));
  const n = value === undefined ? fallback : Number(value);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}

/** Sets a plant setting, replacing its value. */
export async function writeSetting(db: Kysely<Database>, key: string, value: string | number): Promise<void> {
  const text = String(value);
  await db.insertInto('settings').values({ key, value: text }).onConflict((oc) => oc.column('key').doUpdateSet({ value: text })).execute();
}
