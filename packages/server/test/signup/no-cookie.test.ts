// A Node developer without a cookie-keeping fetch called signupEmail, then signupCode, and got
// `step_out_of_order 409 step=null` with "Continue at the step named in "step"…": a step that is null, and no word
// about the session cookie the second request lacked. The detail now says what happened and what to do. The
// codes, statuses and `step` stay as they were. Real server (PGlite), Node's own fetch as the SDK
// uses it in Node (the SDK's flow then shows the e-mail step with this error, docs/developers.md "In Node").
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startStack, type TestStack } from '../helpers/harness.ts';

interface ProblemBody {
  code: string;
  status: number;
  step?: string | null;
  detail: string;
}

describe('a client that sends no session cookie', () => {
  let stack: TestStack;
  /** A POST as Node's fetch sends it: JSON, the Origin of an allowed page, and only the cookie given. */
  const post = async (path: string, body: unknown, cookie?: string) => {
    const response = await fetch(`${stack.url}/api/v1${path}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Origin: 'http://localhost:5173',
        ...(cookie ? { Cookie: cookie } : {}),
      },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as ProblemBody };
  };
  before(async () => {
    stack = await startStack('pglite');
  });
  after(() => stack.close());

  it('F1: the code step answers step_out_of_order (409, step null) saying the cookie was missing and where to start', async () => {
    assert.equal((await post('/signup/email', { email: 'no-jar@example.nl', lang: 'nl' })).status, 202);
    const { status, body } = await post('/signup/code', { code: '123456' });
    assert.equal(status, 409);
    assert.equal(body.code, 'step_out_of_order');
    assert.equal(body.step, null);
    assert.equal(
      body.detail,
      'No sign-up is under way in this session: the request carried no session cookie. Start again with POST ' +
        '/signup/email, and send the cookie it sets with every request after it (in Node: a fetch that keeps ' +
        'cookies, see docs/developers.md "In Node").',
    );

    const reset = await post('/password/code', { code: '123456' });
    assert.equal(reset.status, 409);
    assert.equal(reset.body.code, 'step_out_of_order');
    assert.match(
      reset.body.detail,
      /^No password reset is under way in this session: the request carried no session cookie\. Start again with POST \/password\/forgot/,
    );
  });

  it('a cookie that names no session is told apart from none', async () => {
    const { status, body } = await post('/signup/code', { code: '123456' }, 'wt_session=stale');
    assert.equal(status, 409);
    assert.equal(body.code, 'step_out_of_order');
    assert.match(
      body.detail,
      /^No sign-up is under way in this session: the session cookie it carried names no session/,
    );
  });

  it('the other answers without a step say the same instead of pointing at "step"', async () => {
    const { status, body } = await post('/signup/account', {
      password: 'Lang-genoeg-W8woord!',
      firstName: 'Jan',
      lastName: 'Jansen',
    });
    assert.equal(status, 409);
    assert.equal(body.code, 'step_out_of_order');
    assert.equal(body.step, null);
    assert.match(
      body.detail,
      /^No sign-up or password reset is under way in this session: the request carried no session cookie/,
    );
    assert.doesNotMatch(body.detail, /named in "step"/);
  });
});
