import { acknowledge } from '../domain/andon-call.transitions.js';
import { andonTransition } from './andon-transition.js';

/** open → acknowledged: a responder took the call (`andon-call.acknowledged`); the time to acknowledge is kept on it. */
export const acknowledgeAndonCall = andonTransition('andon-call.acknowledge', 'andon-call.acknowledged', (call, acting) => acknowledge(call, acting));
