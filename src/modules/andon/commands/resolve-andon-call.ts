import { resolve } from '../domain/andon-call.transitions.js';
import { andonTransition } from './andon-transition.js';

/** acknowledged → resolved with what was done (`andon-call.resolved`); the time to resolve is kept on the call. */
export const resolveAndonCall = andonTransition('andon-call.resolve', 'andon-call.resolved', (call, acting, resolution) => resolve(call, acting, resolution ?? ''));
