import { clockOffEveryone } from '../../labour/clock-on-off.js';
import { orderTransition } from './order-transition.js';

/** Any order not yet completed may be cancelled; what was consumed stays recorded; whoever is clocked on it is clocked off. */
export const cancelWorkOrder = orderTransition({
  name: 'work-order.cancel', action: 'work-order.cancelled', from: ['created', 'released', 'in_progress', 'on_hold'], to: 'cancelled',
  then: async (ctx, order) => {
    await clockOffEveryone(ctx, { workOrderId: order.id }, 'work-order.cancelled');
  },
});
