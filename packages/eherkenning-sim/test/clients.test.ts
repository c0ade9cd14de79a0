import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ClientsConfigError, DEV_CLIENT, parseClients } from '../src/index.js';

describe('CLIENTS setting', () => {
  it('defaults to the dev client with both local callback addresses', () => {
    assert.deepEqual(parseClients(undefined), [DEV_CLIENT]);
    assert.deepEqual(parseClients('  '), [DEV_CLIENT]);
    assert.equal(DEV_CLIENT.clientId, 'wt-onboarding-dev');
    assert.deepEqual(DEV_CLIENT.redirectUris, [
      'http://localhost:5173/api/v1/eherkenning/callback',
      'http://localhost:8787/api/v1/eherkenning/callback',
    ]);
  });

  it('reads the compact form, keeping the colons inside redirect URIs', () => {
    assert.deepEqual(parseClients('a:s1:http://localhost:1/cb,http://localhost:2/cb; b:s2:https://x.test/cb'), [
      { clientId: 'a', clientSecret: 's1', redirectUris: ['http://localhost:1/cb', 'http://localhost:2/cb'] },
      { clientId: 'b', clientSecret: 's2', redirectUris: ['https://x.test/cb'] },
    ]);
  });

  it('reads JSON in camelCase and in OIDC metadata names', () => {
    assert.deepEqual(parseClients('[{"client_id":"a","client_secret":"s","redirect_uris":["http://localhost/cb"]}]'), [
      { clientId: 'a', clientSecret: 's', redirectUris: ['http://localhost/cb'] },
    ]);
    assert.deepEqual(parseClients('{"clientId":"b","clientSecret":"t","redirectUris":["http://localhost/cb"]}'), [
      { clientId: 'b', clientSecret: 't', redirectUris: ['http://localhost/cb'] },
    ]);
  });

  it('says what is wrong with a bad setting', () => {
    assert.throws(
      () => parseClients('[{'),
      (error) => error instanceof ClientsConfigError && /JSON/.test(error.message),
    );
    assert.throws(() => parseClients('only-an-id'), /id:secret:uri/);
    assert.throws(() => parseClients('a::http://localhost/cb'), /has no secret/);
    assert.throws(() => parseClients('a:s:not a url'), /invalid redirect URI/);
  });
});
