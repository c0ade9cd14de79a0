import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, it } from 'node:test';
import type { Client } from '../helpers/client.ts';
import { eachBackend, signUp, startStack, uniqueEmail, type TestStack } from '../helpers/harness.ts';
import { BadOp } from '../eherkenning/bad-op.ts';

// SECURITY.md O11: the redirect_uri is the configured one, never built from the request, and a foreign returnTo
// is refused at /eherkenning/start (DESIGN.md: `return_to_not_allowed`). fetch() drops a `Host` header it is
// given (it is a forbidden header), so the forged-host requests here go out through node:http, which sends it.

const CALLBACK = 'http://localhost:8787/api/v1/eherkenning/callback';
const CLIENT = { clientId: 'wt-o11', clientSecret: 'o11-secret-0123456789', redirectUri: CALLBACK };
const SUPPLIER = 'urn:etoegang:AD:1:entities:9001';
const RETURN_TO = 'http://localhost:5173/aanmelden';
const FORGED = { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };

/** An answer of {@link raw}. */
interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** Sends one request exactly as given, `Host` included, as `client` (its cookie, address and origin). */
function raw(
  stack: TestStack,
  client: Client,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<RawAnswer> {
  const url = new URL(stack.url);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: {
          origin: 'http://localhost:5173',
          'x-forwarded-for': client.ip,
          ...(client.cookie ? { cookie: client.cookie } : {}),
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

eachBackend('O11: fixed redirect URI, no open redirect', (backend) => {
  let op: BadOp;
  let stack: TestStack;

  before(async () => {
    op = await new BadOp(CLIENT).start();
    stack = await startStack(backend, {
      env: {
        EHERKENNING_ISSUER: op.issuer,
        EHERKENNING_CLIENT_ID: CLIENT.clientId,
        EHERKENNING_CLIENT_SECRET: CLIENT.clientSecret,
      },
    });
  });
  after(async () => {
    await stack?.close();
    await op?.close();
  });

  async function account(): Promise<Client> {
    const client = stack.client();
    await signUp(stack, client, { email: uniqueEmail('o11') });
    return client;
  }

  it('O11: with Host: evil.example on start and callback, redirect_uri stays PUBLIC_URL’s and the round trip ends at returnTo', async () => {
    const client = await account();
    const started = await raw(stack, client, 'POST', '/api/v1/eherkenning/start', FORGED, {
      supplierId: SUPPLIER,
      returnTo: RETURN_TO,
    });
    assert.equal(started.status, 200, started.body);
    const redirectUrl = new URL((JSON.parse(started.body) as { redirectUrl: string }).redirectUrl);
    assert.equal(redirectUrl.searchParams.get('redirect_uri'), CALLBACK);
    assert.equal(redirectUrl.origin, op.issuer, 'the browser is sent to the broker, not to the forged host');

    // The bad OP answers the authorization request only for the registered redirect_uri.
    const authorization = await fetch(redirectUrl, { redirect: 'manual' });
    assert.equal(authorization.status, 302);
    const callback = new URL(authorization.headers.get('location')!);
    assert.equal(op.observations.lastAuthorization?.get('redirect_uri'), CALLBACK);

    // Delivered on the forged host: the token request still names the configured redirect_uri (the bad OP
    // refuses any other), and the browser goes back to the stored returnTo, not to a URL built from Host.
    const answer = await raw(stack, client, 'GET', `${callback.pathname}${callback.search}`, FORGED);
    assert.equal(answer.status, 303);
    const location = new URL(String(answer.headers.location));
    assert.equal(location.searchParams.get('wt-eherkenning'), 'verified');
    assert.equal(`${location.origin}${location.pathname}`, RETURN_TO);
  });

  it('O11: returnTo off the allow-list, in every spelling, → 400 return_to_not_allowed and no transaction', async () => {
    const client = await account();
    const count = async () =>
      (await stack.server.context.db.query<{ n: number }>('SELECT count(*)::int AS n FROM eherkenning_transactions'))
        .rows[0]!.n;
    const before = await count();
    // Absolute http(s) URLs of another origin, however dressed up: refused as not allowed.
    for (const returnTo of [
      'https://evil.example',
      'HTTPS://EVIL.EXAMPLE/',
      'https://localhost:5173@evil.example/',
      'http://localhost:5173@evil.example/',
      'http://localhost.evil.example:5173/',
      'http://user:pass@localhost:5173/',
      'https://localhost:5173/',
      'http://localhost:5174/',
      'http://evil.example/http://localhost:5173/',
    ]) {
      const answer = await client.post('/eherkenning/start', { supplierId: SUPPLIER, returnTo });
      assert.equal(answer.status, 400, `${returnTo}: ${answer.text}`);
      assert.equal(answer.body.code, 'return_to_not_allowed', returnTo);
    }
    // Not an absolute http(s) URL at all (scheme-relative, backslashes, a path, another scheme): refused before
    // the allow-list is consulted, as a malformed body or as not allowed, never followed.
    for (const returnTo of [
      '//evil.example',
      '///evil.example',
      '/\\evil.example',
      'http:\\\\evil.example',
      '/aanmelden',
      'http://localhost:5173.evil.example/',
      ' http://evil.example/',
      'javascript:alert(1)//http://localhost:5173/',
      'data:text/html,<script>alert(1)</script>',
    ]) {
      const answer = await client.post('/eherkenning/start', { supplierId: SUPPLIER, returnTo });
      assert.equal(answer.status, 400, `${returnTo}: ${answer.text}`);
      assert.ok(['return_to_not_allowed', 'invalid_request'].includes(String(answer.body.code)), returnTo);
    }
    assert.equal(await count(), before, 'no transaction was stored for a refused returnTo');
    const allowed = await client.post('/eherkenning/start', { supplierId: SUPPLIER, returnTo: RETURN_TO });
    assert.equal(allowed.status, 200, 'the allow-listed origin is accepted');
  });
});
