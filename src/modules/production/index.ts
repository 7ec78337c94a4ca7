/** Production: work orders (snapshots of approved revisions), operations, execution and its enforcement, dispatch lists. */
export { registerWorkOrderRoutes } from './work-orders/work-orders.routes.js';
export { registerOperationRoutes } from './operations/operations.routes.js';
export { registerOutputLotStatusRoutes } from './settings/output-lot-status.routes.js';
export { createWorkOrder, operationId, type CreateWorkOrder } from './work-orders/transitions/create-work-order.js';
export { releaseWorkOrder } from './work-orders/transitions/release-work-order.js';
export { holdWorkOrder } from './work-orders/transitions/hold-work-order.js';
export { unholdWorkOrder } from './work-orders/transitions/unhold-work-order.js';
export { cancelWorkOrder } from './work-orders/transitions/cancel-work-order.js';
export { reprioritizeWorkOrder } from './work-orders/transitions/reprioritize-work-order.js';
export { startOperation } from './operations/start-operation.js';
export { consumeMaterial } from './operations/consume-material.js';
export { produceLot } from './operations/produce-lot.js';
export { reportQuantities } from './operations/report-quantities.js';
export { completeOperation } from './operations/complete-operation.js';
export { findOrder, findOperation, operationsOf, bomOf, type OrderBomLine, type WorkOrder, type Operation, type OrderStatus, type OperationStatus } from './work-orders/work-order.repository.js';
export { consumptionsOf, productionsOf } from './operations/operation.repository.js';
// For the batch record's material reconciliation: the same band OVER_CONSUMPTION allows.
export { bomBand } from './operations/execution.rules.js';
// For the quality module: a nonconformance holds and releases an order inside its own transaction.
export { lockOrder, setOrderStatus } from './work-orders/work-order.repository.js';
export { producedAt, reportsOf } from './operations/operation.repository.js';
export { dispatchList } from './dispatch/dispatch-list.query.js';
export { operationsOnEquipment, reportsOnEquipment, type OperationRun, type EquipmentReport } from './operations/equipment-activity.repository.js';
export { registerLabourRoutes } from './labour/labour.routes.js';
export { clockOn, clockOff, setLabourPolicy } from './labour/clock-on-off.js';
export { bookingsOfOrder, type StoredBooking } from './labour/labour.repository.js';
