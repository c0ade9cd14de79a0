// docs/developers.md, "In Node": Node's fetch keeps no cookies, so the session cookie must be kept by the fetch
// the client is given. The guide's wrapper is run here against msw: the session survives from one request to the
// next and ends with sign-out; with the bare fetch the server sees no session after signing in.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, afterEach, before, describe, it } from 'node:test';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { createOnboardingClient, createOnboardingFlow, type FlowState } from '../src/index.js';
import { API, config, session, signedIn } from './fixtures.js';
import { fetchWithCookies } from './support/fetch-with-cookies.js';

const server = setupServer();
before(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
after(() => server.close());

const SESSION_ID = 's3ss10n-1d';

/**
 * A stand-in API that knows a session only by its cookie. Set-Cookie goes out on a plain `Response`: msw keeps the
 * cookies of its own `HttpResponse` in a store and adds them to later requests, which would hide a fetch that
 * keeps none. The handlers read the raw Cookie header, which holds only what the fetch sent.
 */
function cookieApi() {
  const json = (body: unknown, cookie: string, status = 200) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json', 'Set-Cookie': cookie },
    });
  const known = (request: Request) =>
    (request.headers.get('cookie') ?? '').split('; ').includes(`wt_session=${SESSION_ID}`);
  server.use(
    http.get(`${API}/config`, () => HttpResponse.json(config)),
    http.get(`${API}/session`, ({ request }) => HttpResponse.json(known(request) ? signedIn() : session())),
    http.post(`${API}/login`, () =>
      json(signedIn(), `wt_session=${SESSION_ID}; Path=/; HttpOnly; SameSite=Lax; Max-Age=1800`),
    ),
    http.post(
      `${API}/logout`,
      () =>
        new Response(null, {
          status: 204,
          headers: { 'Set-Cookie': 'wt_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0' },
        }),
    ),
  );
}

/** A flow through a client with `fetchFn`, signed in on the account step. */
async function signedInFlow(fetchFn: typeof fetch) {
  const client = createOnboardingClient({ apiBase: API, fetch: fetchFn });
  const flow = createOnboardingFlow({ client, storage: null });
  await flow.restore();
  (flow.state as Extract<FlowState, { step: 'start' }>).actions.begin();
  (flow.state as Extract<FlowState, { step: 'eherkenning-info' }>).actions.next();
  const account = flow.state as Extract<FlowState, { step: 'account' }>;
  await account.actions.signIn({ email: 'jan@bedrijf.nl', password: 'Zonnepaneel#2026!x' });
  return { client, flow };
}

describe('docs/developers.md: a fetch that keeps the session cookie in Node', () => {
  it('the guide shows the tested wrapper verbatim', () => {
    const guide = readFileSync(new URL('../../../docs/developers.md', import.meta.url), 'utf8');
    const source = readFileSync(new URL('./support/fetch-with-cookies.ts', import.meta.url), 'utf8');
    const wrapper = source.slice(source.indexOf('/** A `fetch`')).replace('export function', 'function');
    assert.ok(guide.includes(wrapper), `docs/developers.md shows this wrapper:\n${wrapper}`);
  });

  it('keeps the session from sign-in on, in this flow and the next, and drops it on sign-out', async () => {
    cookieApi();
    const fetchFn = fetchWithCookies();
    const { client, flow } = await signedInFlow(fetchFn);
    const supplier = flow.state;
    assert.ok(supplier.step === 'supplier');
    await supplier.actions.stayActive();
    const after: FlowState = flow.state;
    assert.equal(after.step, 'supplier');
    assert.equal(after.error, undefined, 'GET /session carried the cookie');

    const again = createOnboardingFlow({ client, storage: null });
    assert.equal((await again.restore()).step, 'supplier', 'a new flow with the same fetch is still signed in');

    await (again.state as Extract<FlowState, { step: 'supplier' }>).actions.signOut();
    const signedOut = createOnboardingFlow({ client, storage: null });
    assert.equal((await signedOut.restore()).step, 'start', 'the ended cookie is not sent any more');
  });

  it('without it, Node’s fetch keeps no cookie: the next request finds no session', async () => {
    cookieApi();
    const { flow } = await signedInFlow(fetch);
    const supplier = flow.state;
    assert.ok(supplier.step === 'supplier', 'the sign-in answer itself carries the session');
    await supplier.actions.stayActive();
    const after: FlowState = flow.state;
    assert.equal(after.step, 'account');
    assert.equal(after.error?.code, 'session_expired');
  });
});
