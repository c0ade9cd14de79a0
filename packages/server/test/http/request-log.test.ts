import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { ProblemSchema } from '@wij-techniek/onboarding-contract';
import type { RouteModule } from '../../src/index.ts';
import { TEST_ORIGIN } from '../helpers/client.ts';
import { eachBackend, startStack, uniqueEmail, type TestStack } from '../helpers/harness.ts';

// Every request has an id that the answer returns and every log record of that request carries, and one access
// record; so "it went wrong at 10:02" or a person's error report leads to the right log lines.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const crashing: RouteModule = {
  name: 'test-crashing',
  register(api) {
    api.get('/test/crash', () => {
      throw new Error('a bug');
    });
  },
};

type LogRecord = Record<string, unknown> & { event: string };

eachBackend('request id and access log', (backend) => {
  let stack: TestStack;
  before(async () => {
    stack = await startStack(backend, { routes: [crashing] });
  });
  after(async () => {
    await stack?.close();
  });

  /** Every record logged so far with `requestId`. */
  function recordsOf(requestId: string): LogRecord[] {
    return stack.logs.map((line) => JSON.parse(line) as LogRecord).filter((record) => record.requestId === requestId);
  }

  it('every answer carries a new X-Request-Id, errors and unknown paths included', async () => {
    const client = stack.client();
    const answers = [await client.get('/config'), await client.get('/nope'), await client.get('/healthz')];
    const ids = answers.map((answer) => answer.headers.get('x-request-id') ?? '');
    for (const id of ids) assert.match(id, UUID);
    assert.equal(new Set(ids).size, ids.length, 'a new id for each request');
  });

  it('an incoming X-Request-Id is kept when it is a short safe token, and replaced otherwise', async () => {
    const client = stack.client();
    for (const kept of ['lb-7f3a9c', 'Root_1-67891233-abcdef012345678912345678', 'a.b_c-1']) {
      const answer = await client.get('/config', { 'x-request-id': kept });
      assert.equal(answer.headers.get('x-request-id'), kept);
    }
    for (const refused of ['x'.repeat(65), 'two words', '"quoted"', '<b>', 'a:b', 'a/b', '{"level":"error"}']) {
      const answer = await client.get('/config', { 'x-request-id': refused });
      assert.match(answer.headers.get('x-request-id') ?? '', UUID, `replaced: ${refused}`);
      assert.ok(!stack.logs.some((line) => line.includes(refused)), `never logged: ${refused}`);
    }
  });

  it('every record of a request carries its id, ending with one http_request record', async () => {
    const requestId = `signup-${Date.now()}`;
    const email = uniqueEmail('request-id');
    const answer = await stack.client().post('/signup/email', { email }, { 'x-request-id': requestId });
    assert.equal(answer.status, 202);
    const records = recordsOf(requestId);
    assert.deepEqual(
      records.map((record) => record.event),
      ['code_issued', 'http_request'],
    );
    const access = records.at(-1)!;
    assert.equal(access.level, 'info');
    assert.equal(access.method, 'POST');
    assert.equal(access.path, '/api/v1/signup/email');
    assert.equal(access.status, 202);
    assert.equal(typeof access.durationMs, 'number');
    assert.ok((access.durationMs as number) >= 0);
  });

  it('a refused request is logged with its id too (origin_refused, then the 403)', async () => {
    const requestId = `foreign-${Date.now()}`;
    const answer = await stack
      .client()
      .post('/signup/email', { email: uniqueEmail() }, { origin: 'https://evil.example', 'x-request-id': requestId });
    assert.equal(answer.status, 403);
    const records = recordsOf(requestId);
    assert.deepEqual(
      records.map((record) => [record.event, record.status]),
      [
        ['origin_refused', undefined],
        ['http_request', 403],
      ],
    );
  });

  it('the access log has the path without its query string (it may carry a code or state)', async () => {
    const requestId = `callback-${Date.now()}`;
    const secret = `secret-state-${Date.now()}`;
    await stack
      .client()
      .get(`/api/v1/eherkenning/callback?code=${secret}&state=${secret}`, { 'x-request-id': requestId });
    const access = recordsOf(requestId).find((record) => record.event === 'http_request')!;
    assert.equal(access.path, '/api/v1/eherkenning/callback');
    assert.equal(access.status, 303);
    assert.ok(!stack.logs.some((line) => line.includes(secret)), 'no log line holds the query');
  });

  it('a 5xx problem names the request id as its instance, and the error record carries it', async () => {
    const crash = await stack.client().get('/test/crash');
    assert.equal(crash.status, 500);
    const requestId = crash.headers.get('x-request-id')!;
    assert.match(requestId, UUID);
    assert.equal(crash.body.instance, requestId);
    assert.equal(crash.body.code, 'internal_error');
    assert.ok(ProblemSchema.safeParse(crash.body).success, crash.text);
    assert.deepEqual(
      recordsOf(requestId).map((record) => [record.event, record.level, record.status]),
      [
        ['request_failed', 'error', undefined],
        ['http_request', 'info', 500],
      ],
    );
    // A 4xx problem is the person's to fix and keeps its shape.
    const notFound = await stack.client().get('/nope');
    assert.equal(notFound.status, 404);
    assert.equal(notFound.body.instance, undefined);
  });

  it('with the database gone: 503 service_unavailable with the id as instance, database_unavailable logged with it', async () => {
    await stack.server.context.db.close();
    const answer = await stack
      .client()
      .post('/signup/email', { email: uniqueEmail() }, { origin: TEST_ORIGIN, 'x-request-id': 'db-gone-1' });
    assert.equal(answer.status, 503);
    assert.equal(answer.body.code, 'service_unavailable');
    assert.equal(answer.body.instance, 'db-gone-1');
    assert.equal(answer.headers.get('retry-after'), '30');
    assert.deepEqual(
      recordsOf('db-gone-1').map((record) => record.event),
      ['database_unavailable', 'http_request'],
    );
  });
});
