import type { RevisionContent } from '../modules/product/index.js';

/** The demo plant's master data: a solid-dose pharmaceutical plant making paracetamol tablets and packs. */
export const SITE = { id: 'WERK-NORD', name: 'Werk Nord', timeZone: 'Europe/Berlin' };

export const AREAS = [
  { id: 'A-PROC', name: 'Granulation and compression' },
  { id: 'A-PACK', name: 'Packaging' },
];

export const WORK_CENTERS = [
  { id: 'WC-GRAN', name: 'Granulation', area: 'A-PROC', equipment: [{ id: 'GRAN-1', name: 'High-shear granulator 1', cycle: 1.2 }] },
  { id: 'WC-BLEND', name: 'Final blending', area: 'A-PROC', equipment: [{ id: 'BLEND-1', name: 'Bin blender 1', cycle: 0.9 }] },
  { id: 'WC-PRESS', name: 'Compression', area: 'A-PROC', equipment: [{ id: 'PRESS-1', name: 'Rotary tablet press 1', cycle: 0.02 }, { id: 'PRESS-2', name: 'Rotary tablet press 2', cycle: 0.025 }] },
  { id: 'WC-COAT', name: 'Film coating', area: 'A-PROC', equipment: [{ id: 'COAT-1', name: 'Pan coater 1', cycle: 0.01 }] },
  { id: 'WC-BLISTER', name: 'Blister line', area: 'A-PACK', equipment: [{ id: 'BLIS-1', name: 'Blister machine 1', cycle: 0.5 }] },
  { id: 'WC-CART', name: 'Cartoning', area: 'A-PACK', equipment: [{ id: 'CART-1', name: 'Cartoner 1', cycle: 0.6 }] },
];

export const MATERIALS = [
  { id: 'API-PARA', name: 'Paracetamol API', uom: 'kg', shelfLifeDays: 1095 },
  { id: 'EXC-MCC', name: 'Microcrystalline cellulose', uom: 'kg', shelfLifeDays: 1095 },
  { id: 'EXC-STARCH', name: 'Maize starch', uom: 'kg', shelfLifeDays: 730 },
  { id: 'EXC-MGST', name: 'Magnesium stearate', uom: 'kg', shelfLifeDays: 730 },
  { id: 'COAT-FILM', name: 'Film coating powder, white', uom: 'kg', shelfLifeDays: 540 },
  { id: 'PVC-FOIL', name: 'PVC blister foil 250 µm', uom: 'm', shelfLifeDays: null },
  { id: 'ALU-FOIL', name: 'Aluminium lidding foil 20 µm', uom: 'm', shelfLifeDays: null },
  { id: 'CARTON-20', name: 'Folding carton, 20 tablets', uom: 'pcs', shelfLifeDays: null },
  { id: 'LEAFLET', name: 'Patient leaflet, DE/EN', uom: 'pcs', shelfLifeDays: null },
  { id: 'BLEND-PARA', name: 'Paracetamol final blend', uom: 'kg', shelfLifeDays: 60 },
  { id: 'TAB-PARA-500', name: 'Paracetamol 500 mg film-coated tablets', uom: 'pcs', shelfLifeDays: 1095 },
  { id: 'FG-PARA-20', name: 'Paracetamol 500 mg, pack of 20', uom: 'pcs', shelfLifeDays: 1095 },
];

/** Three levels: the blend feeds the tablets, the tablets feed the packs. */
export const PRODUCTS: readonly { materialId: string; content: RevisionContent }[] = [
  {
    materialId: 'BLEND-PARA',
    content: {
      bom: [
        { materialId: 'API-PARA', quantity: 0.85, uom: 'kg', operationSeq: 10, tolerance: 0.01 },
        { materialId: 'EXC-MCC', quantity: 0.1, uom: 'kg', operationSeq: 10, tolerance: 0.02 },
        { materialId: 'EXC-STARCH', quantity: 0.04, uom: 'kg', operationSeq: 10, tolerance: 0.02 },
        { materialId: 'EXC-MGST', quantity: 0.01, uom: 'kg', operationSeq: 20, tolerance: 0.05 },
      ],
      routing: [
        { seq: 10, name: 'Wet granulation', workCenterId: 'WC-GRAN', qualification: 'GRANULATION', idealCycleTimeSec: 1.2, overlap: false, critical: false, inspections: [], workInstruction: 'Charge API, MCC and starch. Granulate 8 min at 150 rpm with purified water. Dry to LOD below 2 %.' },
        { seq: 20, name: 'Final blend', workCenterId: 'WC-BLEND', idealCycleTimeSec: 0.9, overlap: false, critical: false, inspections: [], workInstruction: 'Add magnesium stearate through a 0.5 mm screen. Blend 3 min at 12 rpm.' },
      ],
    },
  },
  {
    materialId: 'TAB-PARA-500',
    content: {
      bom: [
        { materialId: 'BLEND-PARA', quantity: 0.00059, uom: 'kg', operationSeq: 10, tolerance: 0.02 },
        { materialId: 'COAT-FILM', quantity: 0.000018, uom: 'kg', operationSeq: 20, tolerance: 0.05 },
      ],
      routing: [
        { seq: 10, name: 'Compression', workCenterId: 'WC-PRESS', qualification: 'PRESS-OP', idealCycleTimeSec: 0.02, overlap: false, critical: false, inspections: [], workInstruction: 'Set fill depth for 590 mg. Check weight, hardness and thickness every 30 min.' },
        { seq: 20, name: 'Film coating', workCenterId: 'WC-COAT', idealCycleTimeSec: 0.01, overlap: false, critical: false, inspections: [], workInstruction: 'Spray to 3 % weight gain at 45 °C product temperature.' },
      ],
    },
  },
  {
    materialId: 'FG-PARA-20',
    content: {
      bom: [
        { materialId: 'TAB-PARA-500', quantity: 20, uom: 'pcs', operationSeq: 10, tolerance: 0 },
        { materialId: 'PVC-FOIL', quantity: 0.12, uom: 'm', operationSeq: 10, tolerance: 0.05 },
        { materialId: 'ALU-FOIL', quantity: 0.12, uom: 'm', operationSeq: 10, tolerance: 0.05 },
        { materialId: 'CARTON-20', quantity: 1, uom: 'pcs', operationSeq: 20, tolerance: 0.01 },
        { materialId: 'LEAFLET', quantity: 1, uom: 'pcs', operationSeq: 20, tolerance: 0.01 },
      ],
      routing: [
        { seq: 10, name: 'Blistering', workCenterId: 'WC-BLISTER', qualification: 'PACK-OP', idealCycleTimeSec: 0.5, overlap: false, critical: false, inspections: [], workInstruction: 'Check the print of batch and expiry on the first blister of each reel.' },
        { seq: 20, name: 'Cartoning', workCenterId: 'WC-CART', idealCycleTimeSec: 0.6, overlap: true, critical: false, inspections: [], workInstruction: 'Insert two blisters and one leaflet per carton. Verify the code on the carton.' },
      ],
    },
  },
];

export const PEOPLE = [
  { id: 'anna.engineer', name: 'Anna Berger', role: 'engineer' as const, qualifications: [] },
  { id: 'sam.supervisor', name: 'Samir Okafor', role: 'supervisor' as const, qualifications: [] },
  { id: 'olga.operator', name: 'Olga Novak', role: 'operator' as const, qualifications: [['GRANULATION', 365], ['PRESS-OP', 365], ['PACK-OP', 365]] as const },
  { id: 'omar.operator', name: 'Omar Haddad', role: 'operator' as const, qualifications: [['PACK-OP', 200], ['PRESS-OP', -12]] as const },
  { id: 'quinn.quality', name: 'Quinn Larsen', role: 'quality' as const, qualifications: [] },
  { id: 'erp.integration', name: 'ERP connector', role: 'integration' as const, qualifications: [] },
];

/** Received lots: most released; one in quarantine, one on hold, one expired, so every refusal can be seen. */
export const LOTS = [
  { id: 'L-API-2401', materialId: 'API-PARA', quantity: 400, status: 'released' as const, supplierLot: 'SUP-88412' },
  { id: 'L-API-2402', materialId: 'API-PARA', quantity: 250, status: 'quarantine' as const, supplierLot: 'SUP-88519' },
  { id: 'L-MCC-2390', materialId: 'EXC-MCC', quantity: 120, status: 'released' as const },
  { id: 'L-STA-2377', materialId: 'EXC-STARCH', quantity: 60, status: 'released' as const },
  { id: 'L-MGS-2311', materialId: 'EXC-MGST', quantity: 15, status: 'released' as const },
  { id: 'L-MGS-2205', materialId: 'EXC-MGST', quantity: 4, status: 'released' as const, expiredDaysAgo: 20 },
  { id: 'L-COAT-2356', materialId: 'COAT-FILM', quantity: 25, status: 'released' as const },
  { id: 'L-PVC-2360', materialId: 'PVC-FOIL', quantity: 5000, status: 'released' as const },
  { id: 'L-ALU-2361', materialId: 'ALU-FOIL', quantity: 5000, status: 'released' as const },
  { id: 'L-CART-2362', materialId: 'CARTON-20', quantity: 20000, status: 'released' as const },
  { id: 'L-LEAF-2363', materialId: 'LEAFLET', quantity: 20000, status: 'on_hold' as const, holdReason: 'Wrong leaflet revision suspected' },
  { id: 'L-LEAF-2364', materialId: 'LEAFLET', quantity: 15000, status: 'released' as const },
];

export const ORDERS = [
  { id: 'WO-1001', materialId: 'BLEND-PARA', quantity: 300, dueInHours: 20, release: true, priority: 5 },
  { id: 'WO-1002', materialId: 'TAB-PARA-500', quantity: 400000, dueInHours: 44, release: true, priority: 0 },
  { id: 'WO-1003', materialId: 'FG-PARA-20', quantity: 10000, dueInHours: 68, release: true, priority: 0 },
  { id: 'WO-1004', materialId: 'FG-PARA-20', quantity: 8000, dueInHours: 92, release: false, priority: 0 },
];

/**
 * The downtime reason tree: unplanned stops the machines report (the plant simulator draws its failures from
 * these), planned stops the shift calendar and changeovers stand for.
 */
export const DOWNTIME_REASONS = [
  { code: 'UNPLANNED', name: 'Unplanned stops', parentCode: null, planned: false },
  { code: 'MECH', name: 'Mechanical failure', parentCode: 'UNPLANNED', planned: false },
  { code: 'ELEC', name: 'Electrical or sensor fault', parentCode: 'UNPLANNED', planned: false },
  { code: 'JAM', name: 'Material jam', parentCode: 'UNPLANNED', planned: false },
  { code: 'ADJUST', name: 'Quality adjustment', parentCode: 'UNPLANNED', planned: false },
  { code: 'STARVED', name: 'Starved: waiting for material', parentCode: 'UNPLANNED', planned: false },
  { code: 'PLANNED', name: 'Planned stops', parentCode: null, planned: true },
  { code: 'BREAK', name: 'Shift break', parentCode: 'PLANNED', planned: true },
  { code: 'CHANGEOVER', name: 'Product changeover', parentCode: 'PLANNED', planned: true },
  { code: 'NOT-SCHEDULED', name: 'No shift scheduled', parentCode: 'PLANNED', planned: true },
] as const;

/** Three shifts, every day, each with a half-hour break (site time zone). */
export const SHIFTS = [
  { code: 'EARLY', start: '06:00', end: '14:00', breaks: [{ start: '10:00', end: '10:30' }] },
  { code: 'LATE', start: '14:00', end: '22:00', breaks: [{ start: '18:00', end: '18:30' }] },
  { code: 'NIGHT', start: '22:00', end: '06:00', breaks: [{ start: '02:00', end: '02:30' }] },
] as const;
