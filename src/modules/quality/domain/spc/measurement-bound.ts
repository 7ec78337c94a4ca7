import { MAX_MAGNITUDE } from '../../../../platform/numbers/measurement-bound.js';

// The bound of measured values is the platform's, shared with the request fields that carry them (specification limits
// of a revision): one definition.
export { BOUND_MESSAGE, MAX_MAGNITUDE, withinBound } from '../../../../platform/numbers/measurement-bound.js';

/** The smallest inspection-unit size of a u chart: a defect count divided by it stays within 1e24. */
export const MIN_SIZE = 1 / MAX_MAGNITUDE;
