/**
 * Quality: inspection results judged against their specification at once, the inspections an operation must have
 * before it completes, nonconformances with holds and dispositions, SPC (charts, run rules, capability, frozen
 * limits, live alarms) and Z1.4 sampling plans.
 */
export { registerQualityRoutes } from './quality.routes.js';
export { missingInspections } from './inspections/missing-inspections.js';
export { undecidedOutOfSpec } from './inspections/undecided-out-of-spec.js';
export { requiredResults, type ReportedOutput, type Requirement } from './inspections/required-inspections.rules.js';
export { recordInspection, type RecordInspection, type InspectionOutcome } from './inspections/record-inspection.command.js';
export { dispositionNonconformance, type DispositionNonconformance } from './nonconformances/disposition-nonconformance.command.js';
export { lotReleaseBlockers } from './nonconformances/lot-release.rules.js';
export { findNonconformance, listNonconformances, type Nonconformance, type Decision } from './nonconformances/nonconformance.repository.js';
export { analyze, validateSpcInput, withinBound, MAX_MAGNITUDE } from './domain/spc/index.js';
export { samplingPlan, validateSamplingPlanRequest } from './domain/sampling/index.js';
export { characteristicExists } from './spc/known-characteristic.js';
export { findLimits, type ControlLimits } from './spc/control-limits.repository.js';
export { rulesCompletedAt, RULE_WINDOW, type SpcRule } from './domain/spc/index.js';
export { setControlLimits, type SetControlLimits } from './spc/set-control-limits.command.js';
