import type { FastifyInstance } from 'fastify';
import type { CommandRunner } from '../../platform/commands/command-runner.js';
import type { Store } from '../../platform/store/database.js';
import { registerInspectionRoutes } from './inspections/inspections.routes.js';
import { registerNonconformanceRoutes } from './nonconformances/nonconformances.routes.js';
import { registerSamplingRoutes } from './sampling/sampling.routes.js';
import { registerSpcRoutes } from './spc/spc.routes.js';

/** Every quality endpoint: inspections, nonconformances, SPC and sampling plans. */
export function registerQualityRoutes(app: FastifyInstance, runner: CommandRunner, store: Store): void {
  registerInspectionRoutes(app, runner, store);
  registerNonconformanceRoutes(app, runner, store);
  registerSpcRoutes(app, runner, store);
  registerSamplingRoutes(app);
}
