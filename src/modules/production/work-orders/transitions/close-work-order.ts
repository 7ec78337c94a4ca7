import { orderTransition } from './order-transition.js';

/** completed or cancelled → closed: the order is final, e.g. after the ERP took its confirmation. */
export const closeWorkOrder = orderTransition({ name: 'work-order.close', action: 'work-order.closed', from: ['completed', 'cancelled'], to: 'closed' });
