import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it, mock } from 'node:test';
import { EherkenningError, EherkenningRelyingParty, resolveEherkenningConfig } from '../../src/eherkenning/index.ts';
import { BadOp } from '../eherkenning/bad-op.ts';

// SECURITY.md O7: "each → rejected. A token within clock tolerance → accepted." The expired, missing and week-old
// cases are in the OIDF table (test/eherkenning/oidf-cases.ts, cases 4, 17, 18, 21); this file adds the other
// half: a broker whose clock runs a little off from ours. The bad OP signs with the process clock, so the test
// freezes that clock and moves it between the broker issuing the ID token and the relying party checking it.

const PUBLIC_URL = 'http://localhost:8787';
const CLIENT = {
  clientId: 'wt-o7',
  clientSecret: 'o7-secret-0123456789',
  redirectUri: `${PUBLIC_URL}/api/v1/eherkenning/callback`,
};
const SUPPLIER = 'urn:etoegang:AD:1:entities:9001';
/** The bad OP's ID tokens expire this long after they are issued. */
const TOKEN_LIFETIME = 300;

describe('O7: ID token times against a broker clock that is off', () => {
  let op: BadOp;
  const realFetch = globalThis.fetch;

  before(async () => {
    op = await new BadOp(CLIENT).start();
  });
  after(() => op.close());
  afterEach(() => {
    globalThis.fetch = realFetch;
    mock.timers.reset();
  });

  /**
   * One round trip in which our clock reads `skew` seconds later than the broker's when the ID token arrives
   * (negative: earlier). Resolves with the identity, or rejects with the relying party's error.
   */
  async function roundTripWithSkew(skew: number) {
    const rp = new EherkenningRelyingParty(
      resolveEherkenningConfig(
        { ...CLIENT, issuer: op.issuer, suppliersUrl: undefined, supplierParam: undefined, claims: undefined },
        { production: false, publicUrl: PUBLIC_URL },
      ),
    );
    const start = await rp.startAuthorization(SUPPLIER);
    const authorization = await realFetch(start.redirectUrl, { redirect: 'manual' });
    const callback = new URL(authorization.headers.get('location')!);

    const issuedAt = Date.now();
    mock.timers.enable({ apis: ['Date'], now: issuedAt });
    globalThis.fetch = async (input, init) => {
      const response = await realFetch(input, init);
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.pathname === '/token') mock.timers.setTime(issuedAt + skew * 1000);
      return response;
    };
    return rp.completeAuthorization(callback, start.transaction);
  }

  /** Asserts that `run` is refused as `failed` for a reason that matches `why`. */
  async function refused(run: Promise<unknown>, why: RegExp): Promise<void> {
    await assert.rejects(run, (error: unknown) => {
      assert.ok(error instanceof EherkenningError, String(error));
      assert.equal(error.code, 'failed');
      assert.match(`${error.reason} ${error.detail ?? ''}`, why);
      return true;
    });
  }

  it('O7: a token that expired 45 s ago by our clock is within the tolerance → accepted', async () => {
    const identity = await roundTripWithSkew(TOKEN_LIFETIME + 45);
    assert.equal(identity.kvkNumber, '68750110');
  });

  it('O7: a token that expired 75 s ago by our clock is beyond the tolerance → rejected ("exp")', async () => {
    await refused(roundTripWithSkew(TOKEN_LIFETIME + 75), /"exp"/);
  });

  it('O7: a token issued 45 s in our future (the broker clock runs ahead) → accepted', async () => {
    const identity = await roundTripWithSkew(-45);
    assert.equal(identity.level, 'EH3');
  });

  it('O7: a token issued 75 s in our future → rejected (iat_in_future)', async () => {
    await refused(roundTripWithSkew(-75), /iat_in_future/);
  });
});
