import assert from 'node:assert/strict';
import { after, before, describe, it, mock } from 'node:test';
import {
  EherkenningError,
  EherkenningRelyingParty,
  resolveEherkenningConfig,
  type AuthorizationStart,
} from '../../src/eherkenning/index.js';
import { BadOp, GOOD_CLAIMS, GOOD_SUBJECT } from './bad-op.js';
import { OIDF_RP_CASES, type CaseOutcome, type OidfCase } from './oidf-cases.js';

const PUBLIC_URL = 'http://localhost:8787';
const REDIRECT_URI = `${PUBLIC_URL}/api/v1/eherkenning/callback`;
const CLIENT = { clientId: 'wt-test', clientSecret: 'test-secret-0123456789', redirectUri: REDIRECT_URI };
const SUPPLIER = 'urn:etoegang:AD:1:entities:9001';

/** A relying party for `issuer`, as the server builds it from its environment. */
function relyingParty(issuer: string, claims?: string): EherkenningRelyingParty {
  return new EherkenningRelyingParty(
    resolveEherkenningConfig(
      {
        issuer,
        clientId: CLIENT.clientId,
        clientSecret: CLIENT.clientSecret,
        suppliersUrl: `${issuer}/suppliers`,
        supplierParam: undefined,
        claims,
      },
      { production: false, publicUrl: PUBLIC_URL },
    ),
  );
}

/** The URL the OP sends the browser back to (the bad OP answers the authorization request at once). */
async function callbackFor(start: AuthorizationStart): Promise<URL> {
  const response = await fetch(start.redirectUrl, { redirect: 'manual' });
  assert.equal(response.status, 302, await response.text());
  return new URL(response.headers.get('location')!);
}

async function roundTrip(rp: EherkenningRelyingParty) {
  const start = await rp.startAuthorization(SUPPLIER);
  return rp.completeAuthorization(await callbackFor(start), start.transaction);
}

/** Runs one SECURITY.md §3 case through a fresh relying party and says how it ended. */
async function runCase(op: BadOp, testCase: OidfCase): Promise<CaseOutcome | 'cancelled' | 'broker_unavailable'> {
  op.variant = testCase.variant;
  const rp = relyingParty(op.issuer);
  try {
    switch (testCase.kind) {
      case 'rotation': {
        await roundTrip(rp);
        await op.rotate();
        // openid-client refetches a JWKS for an unknown kid once the cached one is a minute old.
        mock.timers.enable({ apis: ['Date'], now: Date.now() + 61_000 });
        try {
          await roundTrip(rp);
        } finally {
          mock.timers.reset();
        }
        return 'accepted';
      }
      case 'replay': {
        const start = await rp.startAuthorization(SUPPLIER);
        const callback = await callbackFor(start);
        await rp.completeAuthorization(callback, start.transaction);
        await rp.completeAuthorization(callback, start.transaction);
        return 'accepted';
      }
      case 'other-session': {
        const mine = await rp.startAuthorization(SUPPLIER);
        const theirs = await rp.startAuthorization(SUPPLIER);
        await rp.completeAuthorization(await callbackFor(theirs), mine.transaction);
        return 'accepted';
      }
      default: {
        const identity = await roundTrip(rp);
        assert.equal(identity.kvkNumber, GOOD_CLAIMS['urn:etoegang:core:LegalSubjectID']);
        assert.equal(identity.subject, GOOD_SUBJECT);
        return 'accepted';
      }
    }
  } catch (error) {
    if (error instanceof EherkenningError) {
      if (testCase.why) assert.match(`${error.reason} ${error.detail ?? ''}`, testCase.why);
      return error.code;
    }
    throw error;
  }
}

describe('eHerkenning relying party', () => {
  let op: BadOp;

  before(async () => {
    op = await new BadOp(CLIENT).start();
  });
  after(() => op.close());

  describe('the OIDF RP negative cases (SECURITY.md §3: O1, O2, O3, O4, O5, O6, O7, O8, O9, O10, O13)', () => {
    const tally = { refused: 0, accepted: 0, refusedExpected: 0, acceptedExpected: 0 };
    after(() => {
      console.log(
        `OIDF RP cases: ${tally.refused} refused, ${tally.accepted} accepted ` +
          `(rejected ${tally.refused}/${tally.refusedExpected}, accepted ${tally.accepted}/${tally.acceptedExpected})`,
      );
    });

    for (const testCase of OIDF_RP_CASES) {
      const verb = testCase.expected === 'accepted' ? 'accepts' : `refuses as ${testCase.expected}`;
      it(`${testCase.n}. ${verb}: ${testCase.title} (${testCase.items})`, async () => {
        if (testCase.expected === 'accepted') tally.acceptedExpected++;
        else tally.refusedExpected++;
        const outcome = await runCase(op, testCase);
        assert.equal(outcome, testCase.expected);
        if (testCase.n === 13) assert.equal(op.observations.lastTokenAuth, 'client_secret_basic');
        if (outcome === 'accepted') tally.accepted++;
        else tally.refused++;
      });
    }

    it('has 29 cases to refuse and 5 to accept', () => {
      assert.equal(OIDF_RP_CASES.filter((testCase) => testCase.expected !== 'accepted').length, 29);
      assert.equal(OIDF_RP_CASES.filter((testCase) => testCase.expected === 'accepted').length, 5);
    });
  });

  describe('the authorization request (O1, O11)', () => {
    it('asks for the code flow with S256, EH3, the supplier, a fresh login and the fixed redirect_uri', async () => {
      op.variant = 'good';
      const rp = relyingParty(op.issuer);
      const { redirectUrl, transaction } = await rp.startAuthorization(SUPPLIER);
      const params = new URL(redirectUrl).searchParams;
      assert.equal(params.get('response_type'), 'code');
      assert.equal(params.get('code_challenge_method'), 'S256');
      assert.equal(params.get('acr_values'), 'urn:etoegang:core:assurance-class:loa3');
      assert.equal(params.get('eh_supplier'), SUPPLIER);
      assert.equal(params.get('prompt'), 'login');
      assert.equal(params.get('redirect_uri'), REDIRECT_URI);
      assert.equal(params.get('state'), transaction.state);
      assert.equal(params.get('nonce'), transaction.nonce);
      assert.ok(!redirectUrl.includes(transaction.codeVerifier), 'the verifier never leaves the server');
      assert.ok(!redirectUrl.includes('plain'));
      assert.equal(transaction.supplierId, SUPPLIER);
    });

    it('makes state and nonce of at least 43 base64url characters, unique over 10^4 transactions', async () => {
      const rp = relyingParty(op.issuer);
      const seen = new Set<string>();
      for (let i = 0; i < 10_000; i++) {
        const { transaction } = await rp.startAuthorization(SUPPLIER);
        for (const value of [transaction.state, transaction.nonce, transaction.codeVerifier]) {
          assert.match(value, /^[A-Za-z0-9_-]{43,}$/);
          assert.ok(!seen.has(value));
          seen.add(value);
        }
      }
    });

    it('uses the configured supplier parameter', async () => {
      const rp = new EherkenningRelyingParty(
        resolveEherkenningConfig(
          { ...CLIENT, issuer: op.issuer, suppliersUrl: undefined, supplierParam: 'idp_hint', claims: undefined },
          { production: false, publicUrl: PUBLIC_URL },
        ),
      );
      const { redirectUrl } = await rp.startAuthorization(SUPPLIER);
      assert.equal(new URL(redirectUrl).searchParams.get('idp_hint'), SUPPLIER);
    });

    it('takes only the query from the callback URL, whatever host it came in on (O11)', async () => {
      op.variant = 'good';
      const rp = relyingParty(op.issuer);
      const start = await rp.startAuthorization(SUPPLIER);
      const callback = await callbackFor(start);
      const forged = new URL(`https://evil.example/elsewhere${callback.search}`);
      const identity = await rp.completeAuthorization(forged, start.transaction);
      assert.equal(identity.kvkNumber, '68750110');
    });
  });

  describe('what comes back', () => {
    it('maps the claims into a verified identity keyed on (issuer, sub) (O10)', async () => {
      op.variant = 'good';
      const identity = await roundTrip(relyingParty(op.issuer));
      assert.deepEqual(identity, {
        issuer: op.issuer,
        subject: GOOD_SUBJECT,
        kvkNumber: '68750110',
        organisationName: 'Installatiebedrijf De Vries B.V.',
        branchNumber: '000037178598',
        level: 'EH3',
      });
    });

    it('refuses an RSIN where a KvK number is expected (O10)', async () => {
      op.variant = 'identifier-rsin';
      await assert.rejects(roundTrip(relyingParty(op.issuer)), { code: 'failed', reason: 'identifier_not_kvk' });
    });

    it('reports Annuleren at the broker as cancelled (O14)', async () => {
      op.variant = 'cancel';
      await assert.rejects(roundTrip(relyingParty(op.issuer)), { code: 'cancelled' });
    });

    it('fails closed when the token endpoint answers 500 (O14)', async () => {
      op.variant = 'good';
      const rp = relyingParty(op.issuer);
      const start = await rp.startAuthorization(SUPPLIER);
      const callback = await callbackFor(start);
      op.down = 'token';
      try {
        await assert.rejects(rp.completeAuthorization(callback, start.transaction), { code: 'broker_unavailable' });
      } finally {
        op.down = 'none';
      }
      const retry = await roundTrip(rp);
      assert.equal(retry.kvkNumber, '68750110', 'a retry works');
    });

    it('rejects the ID token when the JWKS cannot be fetched (F7)', async () => {
      op.variant = 'good';
      const rp = relyingParty(op.issuer);
      const start = await rp.startAuthorization(SUPPLIER);
      const callback = await callbackFor(start);
      op.down = 'jwks';
      try {
        await assert.rejects(rp.completeAuthorization(callback, start.transaction), EherkenningError);
      } finally {
        op.down = 'none';
      }
    });

    it('reads a broker with its own claim names and level values through EHERKENNING_CLAIMS', async () => {
      op.variant = 'good';
      const claims = JSON.stringify({
        legalSubject: ['urn:etoegang:core:LegalSubjectID'],
        companyName: 'urn:etoegang:1.11:attribute-represented:CompanyName',
        level: {
          path: 'acr',
          mapping: { 'urn:etoegang:core:assurance-class:loa3': 'urn:etoegang:core:assurance-class:loa4' },
        },
      });
      const identity = await roundTrip(relyingParty(op.issuer, claims));
      assert.equal(identity.level, 'EH4');
    });
  });

  describe('a broker that is down', () => {
    it('does not stop the relying party: discovery is retried on the next use', async () => {
      op.variant = 'good';
      op.down = 'all';
      const rp = relyingParty(op.issuer);
      try {
        await assert.rejects(rp.startAuthorization(SUPPLIER), { code: 'broker_unavailable' });
        await assert.rejects(rp.suppliers(), { code: 'broker_unavailable' });
      } finally {
        op.down = 'none';
      }
      const identity = await roundTrip(rp);
      assert.equal(identity.level, 'EH3');
    });

    it('is broker_unavailable when nothing listens', async () => {
      const rp = relyingParty('http://127.0.0.1:9');
      await assert.rejects(rp.startAuthorization(SUPPLIER), { code: 'broker_unavailable' });
    });
  });

  describe('the supplier list', () => {
    it('is read in the broker order, cached, and kept when the broker is down later', async () => {
      const rp = relyingParty(op.issuer);
      const first = await rp.suppliers();
      assert.deepEqual(
        first.map((supplier) => supplier.name),
        ['Connectis (test)', 'Digidentity (test)'],
      );
      op.down = 'all';
      try {
        assert.deepEqual(await rp.suppliers(), first);
      } finally {
        op.down = 'none';
      }
    });

    it('refuses a list that does not match the contract', async () => {
      const saved = op.suppliers;
      op.suppliers = [{ id: '', name: 'x' }];
      try {
        await assert.rejects(relyingParty(op.issuer).suppliers(), { code: 'broker_unavailable' });
      } finally {
        op.suppliers = saved;
      }
    });
  });
});
