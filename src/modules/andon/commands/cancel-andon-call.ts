import { cancel } from '../domain/andon-call.transitions.js';
import { andonTransition } from './andon-transition.js';

/** open → cancelled by whoever raised it (admin may too), with an optional reason (`andon-call.cancelled`). */
export const cancelAndonCall = andonTransition('andon-call.cancel', 'andon-call.cancelled', (call, acting, reason) => cancel(call, acting, reason));
