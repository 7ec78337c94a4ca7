import type { FastifyInstance } from 'fastify';
import type { CommandRunner } from '../../platform/commands/command-runner.js';
import type { Store } from '../../platform/store/database.js';
import { registerCalibrationRoutes } from './calibration/calibration.routes.js';
import { registerDowntimeReasonRoutes } from './downtime/downtime-reasons.routes.js';
import { registerMaintenanceRoutes } from './maintenance/maintenance.routes.js';
import { registerPerformanceRoutes } from './performance/performance.routes.js';
import { registerSiteShiftRoutes } from './shifts/site-shifts.routes.js';
import { registerMachineDataRoutes } from './states/machine-data.routes.js';

/** Every route of the equipment module: states, counts, reasons, shifts, OEE, Pareto, maintenance, calibration. */
export function registerEquipmentRoutes(app: FastifyInstance, runner: CommandRunner, store: Store): void {
  registerMachineDataRoutes(app, runner, store);
  registerDowntimeReasonRoutes(app, runner, store);
  registerSiteShiftRoutes(app, runner, store);
  registerPerformanceRoutes(app, store);
  registerMaintenanceRoutes(app, runner, store);
  registerCalibrationRoutes(app, runner, store);
}
