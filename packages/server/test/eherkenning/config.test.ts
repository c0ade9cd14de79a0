import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '../../src/config.js';
import { claimAt, companyOf, levelOf } from '../../src/eherkenning/claims.js';
import { DEFAULT_CLAIMS, parseClaimMapping, resolveEherkenningConfig } from '../../src/eherkenning/index.js';

const UNSET = {
  issuer: undefined,
  clientId: undefined,
  clientSecret: undefined,
  suppliersUrl: undefined,
  supplierParam: undefined,
  claims: undefined,
};

describe('eHerkenning configuration', () => {
  it('falls back to the local simulator outside production', () => {
    const config = resolveEherkenningConfig(UNSET, { production: false, publicUrl: 'http://localhost:5173' });
    assert.equal(config.issuer, 'http://localhost:8788');
    assert.equal(config.clientId, 'wt-onboarding-dev');
    assert.equal(config.suppliersUrl, 'http://localhost:8788/suppliers');
    assert.equal(config.supplierParam, 'eh_supplier');
    assert.equal(config.redirectUri, 'http://localhost:5173/api/v1/eherkenning/callback');
    assert.equal(config.allowInsecureRequests, true);
    assert.deepEqual(config.claims, DEFAULT_CLAIMS);
  });

  it('refuses a plain-http broker in production', () => {
    assert.throws(
      () =>
        resolveEherkenningConfig(
          { ...UNSET, issuer: 'http://broker.example', clientId: 'a', clientSecret: 'b' },
          { production: true, publicUrl: 'https://www.wij-techniek.nl' },
        ),
      (error) => error instanceof ConfigError && error.variable === 'EHERKENNING_ISSUER',
    );
  });

  it('refuses a supplier parameter that would overwrite a protected one', () => {
    for (const name of ['state', 'redirect_uri', 'acr_values', 'has space']) {
      assert.throws(
        () => resolveEherkenningConfig({ ...UNSET, supplierParam: name }, { production: false, publicUrl: 'http://x' }),
        (error) => error instanceof ConfigError && error.variable === 'EHERKENNING_SUPPLIER_PARAM',
      );
    }
  });

  it('reads EHERKENNING_CLAIMS overrides and names the variable when it is wrong', () => {
    const mapping = parseClaimMapping(
      '{"legalSubject":"chamber_of_commerce","companyName":["organisation","name"],"level":{"path":"loa","mapping":{"3":"urn:etoegang:core:assurance-class:loa3"}},"source":"userinfo"}',
    );
    assert.deepEqual(mapping.legalSubject, ['chamber_of_commerce']);
    assert.deepEqual(mapping.companyName, ['organisation', 'name']);
    assert.equal(mapping.source, 'userinfo');
    assert.deepEqual(mapping.identifierType, DEFAULT_CLAIMS.identifierType);
    for (const raw of ['{', '{"legalSubject":5}', '{"level":{"mapping":{"3":"EH3"}}}', '{"unknown":"x"}']) {
      assert.throws(
        () => parseClaimMapping(raw),
        (error) => error instanceof ConfigError && error.variable === 'EHERKENNING_CLAIMS',
        raw,
      );
    }
  });
});

describe('eHerkenning claims', () => {
  const mapping = parseClaimMapping(
    '{"legalSubject":["org","kvk"],"level":{"path":"loa","mapping":{"3":"urn:etoegang:core:assurance-class:loa3","substantial":"urn:etoegang:core:assurance-class:loa3"}}}',
  );

  it('walks nested claim paths over own properties only', () => {
    assert.equal(claimAt({ org: { kvk: '12345678' } }, ['org', 'kvk']), '12345678');
    assert.equal(claimAt({}, ['constructor']), undefined);
    assert.equal(claimAt({ org: 'flat' }, ['org', 'kvk']), undefined);
  });

  it('maps broker level values (numeric 3, "substantial") onto EH3 and refuses lower or missing (O9)', () => {
    assert.equal(levelOf({ loa: 3 }, mapping), 'EH3');
    assert.equal(levelOf({ loa: 'substantial' }, mapping), 'EH3');
    assert.equal(levelOf({ loa: 'urn:etoegang:core:assurance-class:loa4' }, mapping), 'EH4');
    assert.throws(() => levelOf({ loa: 'urn:etoegang:core:assurance-class:loa2plus' }, mapping), {
      code: 'level_too_low',
    });
    assert.throws(() => levelOf({}, mapping), { code: 'level_too_low', reason: 'level_missing' });
    const withDefault = parseClaimMapping('{"level":{"default":"urn:etoegang:core:assurance-class:loa3"}}');
    assert.equal(levelOf({}, withDefault), 'EH3');
  });

  it('checks the KvK number (8 digits, no checksum), the identifier type and the branch (O10)', () => {
    const good = { org: { kvk: '42084128' }, 'urn:etoegang:1.11:attribute-represented:CompanyName': ' Test BV ' };
    assert.deepEqual(companyOf(good, mapping), {
      kvkNumber: '42084128',
      organisationName: 'Test BV',
      branchNumber: null,
    });
    for (const kvk of ['1234567', '123456789', 12345678, '1234567a', '']) {
      assert.throws(() => companyOf({ org: { kvk } }, mapping), { code: 'failed' }, String(kvk));
    }
    assert.throws(() => companyOf({ org: {} }, mapping), { reason: 'kvk_missing' });
    assert.throws(() => companyOf({ ...good, namequalifier: 'urn:etoegang:1.9:EntityConcernedID:RSIN' }, mapping), {
      reason: 'identifier_not_kvk',
    });
    assert.throws(
      () => companyOf({ ...good, 'urn:etoegang:1.9:ServiceRestriction:Vestigingsnr': '37178598' }, mapping),
      { reason: 'branch_malformed' },
    );
    assert.equal(companyOf({ org: { kvk: '42084128' } }, mapping).organisationName, 'KvK-nummer 42084128');
  });
});
