import { orderTransition } from './order-transition.js';

/** released / in progress → on hold (with a reason): every execution command on it is refused until unhold. */
export const holdWorkOrder = orderTransition({ name: 'work-order.hold', action: 'work-order.held', from: ['released', 'in_progress'], to: 'on_hold', reasonRequired: true });
