import { orderTransition } from './order-transition.js';

/** created → released: the order appears on the dispatch lists of its work centers. */
export const releaseWorkOrder = orderTransition({ name: 'work-order.release', action: 'work-order.released', from: ['created'], to: 'released' });
