/** One Server-Sent Events message. */
export interface SseMessage {
  readonly id: string | null;
  readonly event: string;
  readonly data: string;
}

/**
 * Splits a text/event-stream into messages as chunks arrive (the WHATWG rules: fields `id`, `event`, `data`,
 * comments and `retry` ignored, a blank line ends a message, CR LF and LF both end lines).
 */
export class SseParser {
  private buffer = '';
  private id: string | null = null;
  private event = '';
  private data: string[] = [];

  push(chunk: string): SseMessage[] {
    this.buffer += chunk;
    const out: SseMessage[] = [];
    let nl = this.buffer.search(/\r\n|\r|\n/);
    while (nl >= 0) {
      const line = this.buffer.slice(0, nl);
      const width = this.buffer.startsWith('\r\n', nl) ? 2 : 1;
      this.buffer = this.buffer.slice(nl + width);
      if (line === '') {
        if (this.data.length > 0) out.push({ id: this.id, event: this.event || 'message', data: this.data.join('\n') });
        this.event = '';
        this.data = [];
      } else if (!line.startsWith(':')) {
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'data') this.data.push(value);
        else if (field === 'event') this.event = value;
        else if (field === 'id') this.id = value;
      }
      nl = this.buffer.search(/\r\n|\r|\n/);
    }
    return out;
  }
}
