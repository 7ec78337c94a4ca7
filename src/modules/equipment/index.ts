/**
 * Equipment: state history, counts, downtime reasons, shift calendars, OEE and ISO 22400-2 KPIs, maintenance and
 * calibration, and the interlocks execution asks before it runs a piece of equipment.
 */
export * from './domain/index.js';
export { registerEquipmentRoutes } from './equipment.routes.js';
export { equipmentInterlocks, UNAVAILABLE_STATES } from './interlocks/equipment-interlocks.query.js';
export { recordState, type RecordState } from './states/record-state.command.js';
export { recordCount, type RecordCount } from './counts/record-count.command.js';
export { putDowntimeReason, type PutDowntimeReason } from './downtime/put-downtime-reason.command.js';
export { putSiteShift, deleteSiteShift, type PutSiteShift } from './shifts/put-site-shift.command.js';
export { putEquipmentSettings, type PutEquipmentSettings } from './settings/put-equipment-settings.command.js';
export { putMaintenancePlan, type PutMaintenancePlan } from './maintenance/put-maintenance-plan.command.js';
export { generateMaintenanceOrders } from './maintenance/generate-maintenance-orders.command.js';
export { completeMaintenanceOrder, type CompleteMaintenanceOrder } from './maintenance/complete-maintenance-order.command.js';
export { recordCalibration, type RecordCalibration } from './calibration/record-calibration.command.js';
export { scopeOee, type ScopeOee, type EquipmentOee } from './performance/oee.query.js';
export { scopePareto, type ScopePareto } from './performance/downtime-pareto.query.js';
export { shiftsOf, type SiteShift } from './shifts/site-shift.repository.js';
