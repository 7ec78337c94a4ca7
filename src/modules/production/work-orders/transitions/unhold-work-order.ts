import { orderTransition } from './order-transition.js';

/** on hold → back to in progress when any operation has started, else released. */
export const unholdWorkOrder = orderTransition({
  name: 'work-order.unhold', action: 'work-order.unheld', from: ['on_hold'], to: (_order, started) => (started ? 'in_progress' : 'released'),
});
