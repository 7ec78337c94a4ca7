import { describe, expect, it } from 'vitest';
import { prettyLine } from './logger.js';

describe('prettyLine', () => {
  it('prints level and message on one line, with extra fields as key=value', () => {
    const line = prettyLine({ level: 40, time: Date.now(), pid: 1, hostname: 'h', msg: 'stopping', signal: 'SIGTERM', users: 3 });
    expect(line).toMatch(/^\d\d:\d\d:\d\d\.\d{3} WARN {2}stopping signal=SIGTERM users=3$/);
  });

  it('shows a request as method, url, status and duration', () => {
    expect(prettyLine({ level: 30, msg: 'incoming request', req: { method: 'GET', url: '/health' }, reqId: 'req-1' })).toBe('INFO  incoming request GET /health');
    expect(prettyLine({ level: 30, msg: 'request completed', res: { statusCode: 200 }, responseTime: 1.234 })).toBe('INFO  request completed 200 1.2ms');
  });
});
