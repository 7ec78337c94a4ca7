import type { FastifyInstance } from 'fastify';
import type { CommandRunner } from './platform/commands/command-runner.js';
import type { EventBus } from './platform/events/event-bus.js';
import type { Store } from './platform/store/database.js';
import type { TaktMetrics } from './platform/observability/index.js';
import { registerAndonRoutes } from './modules/andon/index.js';
import { registerEquipmentRoutes } from './modules/equipment/index.js';
import { registerGenealogyRoutes, registerLotRoutes, type GenealogyIndex } from './modules/inventory/index.js';
import { registerLabourRoutes, registerOperationRoutes, registerOutputLotStatusRoutes, registerWorkOrderRoutes } from './modules/production/index.js';
import { registerMaterialRoutes, registerRevisionRoutes } from './modules/product/index.js';
import { registerQualityRoutes } from './modules/quality/index.js';
import { registerHierarchyRoutes, registerPeopleRoutes } from './modules/resources/index.js';
import { registerUiHost } from './modules/ui-host/index.js';

export interface ModuleDeps {
  readonly app: FastifyInstance;
  readonly runner: CommandRunner;
  readonly store: Store;
  readonly bus: EventBus;
  /** Where a module registers its own counters (`metrics.counter(...)`), exposed on GET /metrics. */
  readonly metrics: TaktMetrics;
  /** The genealogy held in memory for traces (null: traces walk the store). */
  readonly genealogy?: GenealogyIndex | null;
}

/** Registers every module's routes (each module exposes its own register function through its index.ts). */
export function registerModules({ app, runner, store, genealogy }: ModuleDeps): void {
  registerHierarchyRoutes(app, runner, store);
  registerPeopleRoutes(app, runner, store);
  registerMaterialRoutes(app, runner, store);
  registerRevisionRoutes(app, runner, store);
  registerLotRoutes(app, runner, store);
  registerWorkOrderRoutes(app, runner, store);
  registerOperationRoutes(app, runner, store);
  registerOutputLotStatusRoutes(app, runner, store);
  registerLabourRoutes(app, runner, store);
  registerGenealogyRoutes(app, store, genealogy ?? null);
  registerQualityRoutes(app, runner, store);
  registerEquipmentRoutes(app, runner, store);
  registerAndonRoutes(app, runner, store);
  registerUiHost(app);
}
