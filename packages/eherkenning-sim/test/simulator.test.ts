import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import * as client from 'openid-client';
import {
  LEVEL_URNS,
  SIMULATED_IDENTITIES,
  SIMULATED_SUPPLIERS,
  SUPPLIER_PARAM,
  startSimulator,
  SimulatorBrowser,
  formAction,
  type RunningSimulator,
} from '../src/index.js';

const CLIENT_ID = 'sim-test';
const SECRET = 'sim-test-secret';
const REDIRECT_URI = 'http://127.0.0.1:9/callback';

describe('eHerkenning simulator', () => {
  let sim: RunningSimulator;
  let config: client.Configuration;

  before(async () => {
    sim = await startSimulator({
      port: 0,
      clients: [{ clientId: CLIENT_ID, clientSecret: SECRET, redirectUris: [REDIRECT_URI] }],
      env: {},
    });
    config = await client.discovery(new URL(sim.issuer), CLIENT_ID, undefined, client.ClientSecretBasic(SECRET), {
      execute: [client.allowInsecureRequests],
    });
  });
  after(() => sim.close());

  /** Starts an authorization request the way the relying party does and returns what it needs afterwards. */
  async function authorize(extra: Record<string, string> = {}) {
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT_URI,
      scope: 'openid',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      acr_values: LEVEL_URNS.EH3,
      [SUPPLIER_PARAM]: SIMULATED_SUPPLIERS[1]!.id,
      ...extra,
    });
    const browser = new SimulatorBrowser();
    const { response, url: pageUrl } = await browser.follow(url, REDIRECT_URI);
    return { browser, response, pageUrl, codeVerifier, state, nonce };
  }

  /** Logs `identityId` in on the Dutch page and returns the callback URL the broker sends the browser to. */
  async function login(identityId: string) {
    const flow = await authorize();
    const html = await flow.response!.text();
    const callback = await flow.browser.submit(
      flow.pageUrl,
      formAction(html),
      { identity: identityId, action: 'login' },
      REDIRECT_URI,
    );
    return { ...flow, html, callback };
  }

  it('publishes discovery with the code flow, S256, the eHerkenning levels and RFC 9207 iss', () => {
    const metadata = config.serverMetadata();
    assert.equal(metadata.issuer, sim.issuer);
    assert.deepEqual(metadata.response_types_supported, ['code']);
    assert.deepEqual(metadata.code_challenge_methods_supported, ['S256']);
    assert.equal(metadata.authorization_response_iss_parameter_supported, true);
    assert.ok(metadata.id_token_signing_alg_values_supported?.includes('RS256'));
    for (const urn of Object.values(LEVEL_URNS)) assert.ok(metadata.acr_values_supported?.includes(urn), urn);
  });

  it('serves an RS256 JWKS and rotates its signing key while keeping the previous one published', async () => {
    const read = async () =>
      ((await (await fetch(config.serverMetadata().jwks_uri!)).json()) as { keys: { kid: string; alg: string }[] })
        .keys;
    const before = await read();
    assert.equal(before.length, 1);
    assert.equal(before[0]!.alg, 'RS256');
    assert.ok(!('d' in before[0]!), 'the private part is never published');
    sim.rotateSigningKey();
    const afterRotation = await read();
    assert.equal(afterRotation.length, 2);
    assert.notEqual(afterRotation[0]!.kid, before[0]!.kid);
    assert.equal(afterRotation[1]!.kid, before[0]!.kid);
  });

  it('serves the six suppliers, marked as simulated, in the broker order', async () => {
    const response = await fetch(sim.suppliersUrl);
    assert.equal(response.status, 200);
    const suppliers = (await response.json()) as { id: string; name: string }[];
    assert.equal(suppliers.length, 6);
    for (const supplier of suppliers) assert.match(supplier.name, /\(simulatie\)$/);
    const names = suppliers.map((supplier) => supplier.name);
    assert.deepEqual(
      names,
      [...names].sort((a, b) => a.localeCompare(b, 'nl')),
    );
  });

  it('shows a Dutch, accessible login page at the chosen supplier under a strict CSP', async () => {
    const { response: page } = await authorize();
    const response = page!;
    assert.equal(response.status, 200);
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.match(csp, /frame-ancestors 'none'/);
    const html = await response.text();
    assert.match(html, /<html lang="nl">/);
    assert.match(html, /Inloggen bij Digidentity \(simulatie\)/);
    assert.match(html, /minimaal betrouwbaarheidsniveau <strong>EH3<\/strong>/);
    assert.doesNotMatch(html, /<script|style=/);
    for (const identity of SIMULATED_IDENTITIES) {
      assert.match(html, new RegExp(`for="identiteit-${identity.id}"`));
      assert.match(html, new RegExp(identity.company.kvkNumber));
    }
    assert.match(html, />Annuleren</);
    assert.match(html, /<legend>Kies een testidentiteit<\/legend>/);
  });

  it("form-action allows the redirect URIs' origins and the return pages' (Chromium checks the redirect chain's last hop)", async () => {
    const { response } = await authorize();
    const csp = response!.headers.get('content-security-policy') ?? '';
    assert.match(csp, /form-action 'self' http:\/\/127\.0\.0\.1:9;/);

    // The relying party's callback sends the browser on to its page on another allowed origin: Chromium refuses the
    // form's POST (the login button does nothing) unless form-action names that origin too.
    const other = await startSimulator({
      port: 0,
      clients: [{ clientId: CLIENT_ID, clientSecret: SECRET, redirectUris: [REDIRECT_URI] }],
      formActionOrigins: ['https://www.wij-techniek.nl/aanmelden/', 'http://localhost:5174'],
      env: {},
    });
    try {
      const otherConfig = await client.discovery(
        new URL(other.issuer),
        CLIENT_ID,
        undefined,
        client.ClientSecretBasic(SECRET),
        { execute: [client.allowInsecureRequests] },
      );
      const url = client.buildAuthorizationUrl(otherConfig, {
        redirect_uri: REDIRECT_URI,
        scope: 'openid',
        code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
        code_challenge_method: 'S256',
        state: client.randomState(),
        acr_values: LEVEL_URNS.EH3,
        [SUPPLIER_PARAM]: SIMULATED_SUPPLIERS[1]!.id,
      });
      const { response: page } = await new SimulatorBrowser().follow(url, REDIRECT_URI);
      assert.equal(page!.status, 200);
      assert.match(
        page!.headers.get('content-security-policy') ?? '',
        /form-action 'self' http:\/\/127\.0\.0\.1:9 https:\/\/www\.wij-techniek\.nl http:\/\/localhost:5174;/,
      );
    } finally {
      await other.close();
    }
  });

  it('runs the whole code flow with PKCE and puts the eHerkenning claims and EH3 acr in the ID token', async () => {
    const jan = SIMULATED_IDENTITIES.find((identity) => identity.level === 'EH3')!;
    const { callback, codeVerifier, state, nonce } = await login(jan.id);
    assert.equal(callback.searchParams.get('iss'), sim.issuer, 'RFC 9207 iss in the authorization response');
    const tokens = await client.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: codeVerifier,
      expectedState: state,
      expectedNonce: nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims()!;
    assert.equal(claims.acr, LEVEL_URNS.EH3);
    assert.equal(claims['urn:etoegang:core:LegalSubjectID'], jan.company.kvkNumber);
    assert.equal(claims.namequalifier, 'urn:etoegang:1.9:EntityConcernedID:KvKnr');
    assert.equal(claims['urn:etoegang:1.9:ServiceRestriction:Vestigingsnr'], jan.company.branchNumber);
    assert.equal(claims['urn:etoegang:1.11:attribute-represented:CompanyName'], jan.company.name);
    assert.equal(claims['urn:etoegang:core:ActingSubjectID'], claims.sub);
    const userinfo = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
    assert.equal(userinfo['urn:etoegang:core:LegalSubjectID'], jan.company.kvkNumber);
  });

  it('gives each person a stable pseudonym per company, different between colleagues', async () => {
    const [jan, fatima] = SIMULATED_IDENTITIES;
    const subjectOf = async (id: string) => {
      const flow = await login(id);
      const tokens = await client.authorizationCodeGrant(config, flow.callback, {
        pkceCodeVerifier: flow.codeVerifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
      });
      return tokens.claims()!;
    };
    const first = await subjectOf(jan!.id);
    const again = await subjectOf(jan!.id);
    const colleague = await subjectOf(fatima!.id);
    assert.equal(first.sub, again.sub);
    assert.notEqual(first.sub, colleague.sub);
    assert.equal(first['urn:etoegang:core:LegalSubjectID'], colleague['urn:etoegang:core:LegalSubjectID']);
  });

  it('reports the level actually used: EH4 as loa4 and EH2 as loa2, whatever was asked', async () => {
    for (const level of ['EH4', 'EH2'] as const) {
      const identity = SIMULATED_IDENTITIES.find((candidate) => candidate.level === level)!;
      const flow = await login(identity.id);
      if (level === 'EH2') assert.match(flow.html, /Lager dan het gevraagde niveau/);
      const tokens = await client.authorizationCodeGrant(config, flow.callback, {
        pkceCodeVerifier: flow.codeVerifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
      });
      assert.equal(tokens.claims()!.acr, LEVEL_URNS[level]);
    }
  });

  it('returns error=access_denied with state and iss when the person chooses Annuleren', async () => {
    const flow = await authorize();
    const callback = await flow.browser.submit(
      flow.pageUrl,
      formAction(await flow.response!.text()),
      { action: 'cancel' },
      REDIRECT_URI,
    );
    assert.equal(callback.searchParams.get('error'), 'access_denied');
    assert.equal(callback.searchParams.get('state'), flow.state);
    assert.equal(callback.searchParams.get('iss'), sim.issuer);
    assert.equal(callback.searchParams.get('code'), null);
    await assert.rejects(
      client.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: flow.codeVerifier,
        expectedState: flow.state,
      }),
      (error: unknown) => error instanceof client.AuthorizationResponseError && error.error === 'access_denied',
    );
  });

  it('asks again with the error tied to the choice when no identity is picked', async () => {
    const flow = await authorize();
    const response = await flow.browser.request(new URL(formAction(await flow.response!.text()), flow.pageUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'action=login',
    });
    assert.equal(response.status, 400);
    const html = await response.text();
    assert.match(html, /role="alert"[^>]*>Kies een testidentiteit om in te loggen/);
    assert.match(html, /<fieldset aria-describedby="fout">/);
  });

  it('refuses an authorization request without PKCE', async () => {
    const url = new URL(config.serverMetadata().authorization_endpoint!);
    url.search = new URLSearchParams({
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      scope: 'openid',
      state: client.randomState(),
    }).toString();
    const response = await fetch(url, { redirect: 'manual' });
    const location = new URL(response.headers.get('location')!);
    assert.equal(location.origin + location.pathname, REDIRECT_URI);
    assert.equal(location.searchParams.get('error'), 'invalid_request');
    assert.match(location.searchParams.get('error_description') ?? '', /PKCE/);
  });

  it('refuses the plain PKCE method', async () => {
    const flow = await authorize({ code_challenge_method: 'plain', code_challenge: 'x'.repeat(43) });
    const location = flow.pageUrl;
    assert.equal(location.searchParams.get('error'), 'invalid_request');
  });

  it('answers 500 at the token endpoint and 503 everywhere when the test faults are switched on', async () => {
    const flow = await login(SIMULATED_IDENTITIES[0]!.id);
    sim.faults.tokenEndpointFails = true;
    try {
      await assert.rejects(
        client.authorizationCodeGrant(config, flow.callback, {
          pkceCodeVerifier: flow.codeVerifier,
          expectedState: flow.state,
          expectedNonce: flow.nonce,
        }),
      );
    } finally {
      sim.faults.tokenEndpointFails = false;
    }
    sim.faults.unavailable = true;
    try {
      assert.equal((await fetch(sim.suppliersUrl)).status, 503);
    } finally {
      sim.faults.unavailable = false;
    }
  });
});

describe('wt-eherkenning-sim command', () => {
  it('refuses to start with NODE_ENV=production, in one line', () => {
    const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
    const result = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', cli], {
      env: { ...process.env, NODE_ENV: 'production', PORT: '0' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(result.status, 1);
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines.length, 1, result.stderr);
    assert.match(lines[0]!, /NODE_ENV=production/);
  });

  it('refuses startSimulator in production too', async () => {
    await assert.rejects(startSimulator({ port: 0, env: { NODE_ENV: 'production' } }), /NODE_ENV=production/);
  });
});
