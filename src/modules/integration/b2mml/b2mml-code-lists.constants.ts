import type { B2mmlVersion } from './b2mml-version.constants.js';

/** MaterialUse codes per release, spelled exactly as the MESA schemas spell them (typos included). */
export const MATERIAL_USES: Readonly<Record<B2mmlVersion, ReadonlySet<string>>> = {
  V0600: new Set([
    'Consumed', 'Produced', 'Consumable', 'Replaced Assetn', 'Replacement Asset', 'Sample', 'Resurned Sample',
    'Carrier', 'Returned Carrier', 'Other',
  ]),
  V0701: new Set([
    'Consumable', 'Consumed', 'Produced', 'By-product Produced', 'Co-product Produced', 'Yield Produced',
    'Material Consumed', 'Material Produced', 'Destructive Sample', 'Returned Sample', 'Retained Sample', 'Inventoried',
    'Other',
  ]),
};

/** MaterialUse codes that make a requirement the order's output, or one of its components. */
export const PRODUCED_USES: ReadonlySet<string> = new Set(['Produced', 'Material Produced']);
export const CONSUMED_USES: ReadonlySet<string> = new Set(['Consumed', 'Material Consumed']);

/** EquipmentElementLevel (V0600) / EquipmentLevel (V0701) codes: the same list in both releases. */
export const EQUIPMENT_LEVELS: ReadonlySet<string> = new Set([
  'Enterprise', 'Site', 'Area', 'ProcessCell', 'Unit', 'ProductionLine', 'WorkCell', 'ProductionUnit', 'StorageZone',
  'StorageUnit', 'WorkCenter', 'WorkUnit', 'EquipmentModule', 'ControlModule', 'Other',
]);

/** Sync/Process ActionExpression actionCodes and what Takt does with them. */
export const ACTIONS: Readonly<Record<string, 'upsert' | 'delete'>> = {
  Add: 'upsert',
  Change: 'upsert',
  Replace: 'upsert',
  Replaced: 'upsert',
  Delete: 'delete',
};
