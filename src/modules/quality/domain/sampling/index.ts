export { codeLetterFor, INSPECTION_LEVELS, LOT_SIZE_ROWS } from './code-letter.table.js';
export { validateSamplingPlanRequest } from './sampling-plan.validation.js';
export type {
  CodeLetter,
  FieldProblem,
  InspectionLevel,
  InspectionSeverity,
  SamplingPlan,
  SamplingPlanRequest,
} from './sampling.types.js';
export { samplingPlan, tablePlan } from './single-sampling.plan.js';
export type { TablePlan } from './single-sampling.plan.js';
export { AQL_VALUES, MASTER_TABLES } from './single-sampling.tables.js';
export type { MasterTable, TableCell } from './single-sampling.tables.js';
