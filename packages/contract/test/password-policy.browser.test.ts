// The password verdict must be the same in the browser as on the server: run the pure check in Chromium.
import { expect } from '@open-wc/testing';
import { PASSWORD_POLICIES, checkPassword, passwordLength } from '@wij-techniek/onboarding-contract';

describe('password policy in the browser', () => {
  it('counts code points after NFC, as on the server', () => {
    expect(passwordLength('e\u0301😀')).to.equal(2);
  });

  it('gives the same verdicts as the server for the business preset', () => {
    const { business } = PASSWORD_POLICIES;
    expect(checkPassword('Aa1!xxxxxxxxx', business).violations).to.deep.equal(['too_short']);
    expect(checkPassword('Aa1!xxxxxxxxxx', business).violations).to.deep.equal([]);
    expect(checkPassword('aa1!xxxxxxxxxx', business).violations).to.deep.equal(['missing_upper']);
  });
});
