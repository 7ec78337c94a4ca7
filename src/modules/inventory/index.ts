/** Inventory: lots and sublots, their status, movements, and the genealogy that links them. */
export { registerLotRoutes, presentLot } from './lots/lots.routes.js';
export { receiveLot, holdLot, releaseLot, type ReceiveLot } from './lots/lot.commands.js';
export { findLot, listLots, insertLot, decrementLot, incrementLot, setLotStatus, QUANTITY_EPSILON, LOT_STATUSES, type Lot, type LotStatus } from './lots/lot.repository.js';
export { lotUsable, type LotUseContext } from './lots/lot.rules.js';
export { addEdges, type GenealogyEdge } from './genealogy/genealogy.repository.js';
