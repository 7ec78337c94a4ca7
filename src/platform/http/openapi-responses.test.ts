import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTakt, type TestTakt } from '../../../test/support/takt.js';

describe('the OpenAPI document', () => {
  let t: TestTakt;
  beforeAll(async () => {
    t = await startTestTakt('sqlite');
  });
  afterAll(() => t.close());

  it('documents every endpoint of API.md, /health and itself included, with the answers each gives', async () => {
    const doc = (await t.call('GET', '/api/openapi.json', { token: null })).body as {
      paths: Record<string, Record<string, { responses: Record<string, { description: string; content?: Record<string, unknown> }> }>>;
    };
    for (const path of ['/health', '/api/openapi.json', '/api/v1/auth/login', '/api/v1/work-orders', '/api/v1/lots/{id}/genealogy', '/api/v1/journal/verify', '/api/v1/events']) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
    const create = doc.paths['/api/v1/work-orders']?.post?.responses ?? {};
    expect(Object.keys(create).sort()).toEqual(['201', '400', '401', '403', '409', '422']);
    expect(create['409']?.content).toHaveProperty(['application/problem+json']);
    const release = doc.paths['/api/v1/work-orders/{id}/release']?.post?.responses ?? {};
    expect(Object.keys(release)).toEqual(expect.arrayContaining(['200', '404', '409']));
    const health = doc.paths['/health']?.get?.responses ?? {};
    expect(Object.keys(health)).toEqual(['200', '400']);
    // What a route answers is unchanged: the document only describes it.
    expect((await t.call('GET', '/health', { token: null })).body).toEqual({ status: 'ok' });
  });
});
