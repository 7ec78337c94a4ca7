/**
 * The work order id stored on edges that no work order made: splits and merges are stock movements. The edge's
 * primary key needs a non-null value; the API shows these edges with `workOrderId: null` and their `kind`.
 */
export const NO_WORK_ORDER = '';

/** The kinds of genealogy edge, in the order the genealogy held in memory numbers them. */
export const EDGE_KINDS = ['consume', 'split', 'merge'] as const;
