// The routes read each body with its endpoint's schema in the contract's tables (ONBOARDING_ENDPOINT_SCHEMAS,
// ORGANISATION_ENDPOINT_SCHEMAS), the ones the SDK checks a body with before sending it. So for every endpoint that
// takes a body, the server refuses an empty one with exactly the code and field messages the SDK would give: a
// person never sees the SDK accept what the server then refuses, or the reverse (SECURITY.md L3).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  endpointPath,
  ENDPOINTS,
  invalidBodyCode,
  validate,
  type EndpointName,
} from '@wij-techniek/onboarding-contract';
import type { Client } from '../helpers/client.ts';
import { ENDPOINT_SCHEMAS, endpointOf } from '../helpers/contract-answers.ts';
import { DATABASE_URL, startStack, type TestStack } from '../helpers/harness.ts';
import { createOrganisationWithAdministrator, newPerson } from '../organisations/helpers.ts';

/** Every endpoint whose table entry has a body schema. */
const BODY_ENDPOINTS = (Object.keys(ENDPOINT_SCHEMAS) as EndpointName[]).filter(
  (name) => ENDPOINT_SCHEMAS[name]?.body !== undefined,
);

describe(`body schemas from the contract's tables, on ${DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  let stack: TestStack;
  let administrator: Client;
  let params: Record<string, string>;

  before(async () => {
    stack = await startStack(DATABASE_URL ? 'postgres' : 'pglite');
    const organisation = await createOrganisationWithAdministrator(stack);
    administrator = organisation.administrator.client;
    params = { organisationId: organisation.organisationId, memberId: organisation.membershipId };
  });
  after(async () => {
    await stack?.close();
  });

  it('the tables name a body for each endpoint the routes read one from (12)', () => {
    assert.deepEqual(BODY_ENDPOINTS.toSorted(), [
      'acceptInvitation',
      'eherkenningStart',
      'inviteMember',
      'login',
      'lookupInvitation',
      'passwordCode',
      'passwordForgot',
      'passwordReset',
      'signupAccount',
      'signupCode',
      'signupEmail',
      'updateMember',
    ]);
  });

  it('L3: an empty body is refused by every endpoint with the code and field messages of its table schema', async () => {
    // Signed in where the route asks for it before it reads the body: an account for eHerkenning, an
    // administrator for the organisation's people; everyone else anonymously.
    const signedIn = (await newPerson(stack, 'Bram', 'Bakker')).client;
    const caller = (name: EndpointName): Client =>
      name === 'eherkenningStart'
        ? signedIn
        : name === 'inviteMember' || name === 'updateMember'
          ? administrator
          : stack.client();
    for (const name of BODY_ENDPOINTS) {
      const { method } = ENDPOINTS[name];
      const path = endpointPath(name, params);
      assert.equal(endpointOf(method, `${stack.url}/api/v1${path}`), name);
      const expected = validate(ENDPOINT_SCHEMAS[name]!.body!, {});
      assert.equal(expected.ok, false, `${name}: an empty body is not valid`);
      if (expected.ok) continue;
      const answer = await caller(name).request(method, path, {});
      assert.equal(answer.status, 400, `${name}: ${answer.text}`);
      assert.equal(answer.body.code, invalidBodyCode(expected.issues), name);
      assert.deepEqual(answer.body.fields, expected.issues, name);
    }
  });
});
