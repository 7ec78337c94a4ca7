import { orderTransition } from './order-transition.js';

/** Any order not yet completed may be cancelled; what was consumed stays recorded. */
export const cancelWorkOrder = orderTransition({ name: 'work-order.cancel', action: 'work-order.cancelled', from: ['created', 'released', 'in_progress', 'on_hold'], to: 'cancelled' });
