import { EventEmitter } from 'node:events';
import type { JournalEvent } from '../journal/journal.repository.js';

/** In-process fan-out of committed journal events (the SSE stream, the outbox dispatcher, metrics). */
export class EventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  /** Called only after commit: subscribers never see an event that could still roll back. */
  publish(events: readonly JournalEvent[]): void {
    for (const e of events) this.emitter.emit('event', e);
  }

  subscribe(listener: (e: JournalEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}
