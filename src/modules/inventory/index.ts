/** Inventory: lots and sublots, their status, movements, and the genealogy that links them. */
export { registerLotRoutes, presentLot } from './lots/lots.routes.js';
export { receiveLot, holdLot, releaseLot, type ReceiveLot } from './lots/lot.commands.js';
export { findLot, lotRead, listLots, insertLot, decrementLot, incrementLot, setLotStatus, QUANTITY_EPSILON, LOT_STATUSES, type Lot, type LotStatus } from './lots/lot.repository.js';
export { lotUsable, type LotUseContext } from './lots/lot.rules.js';
export { addEdges, type GenealogyEdge } from './genealogy/genealogy.repository.js';
export { registerGenealogyRoutes } from './genealogy/genealogy.routes.js';
export { GenealogyIndex, type GenealogyIndexStatus } from './genealogy/genealogy-index.js';
export { traceLot, type TraceOptions } from './genealogy/trace-lot.query.js';
export { type TraceResult, type TraceNode, type TraceEdge, type RecallSummary } from './genealogy/trace-graph.js';
export { type TraceDirection } from './genealogy/trace.repository.js';
export { NO_WORK_ORDER } from './genealogy/genealogy-edge.constants.js';
export { printTrace } from './genealogy/trace.cli.js';
export { splitLot, type SplitLot } from './lots/split-lot.command.js';
export { mergeLots, type MergeLots } from './lots/merge-lots.command.js';
