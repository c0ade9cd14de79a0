import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  PASSWORD_POLICIES,
  checkPassword,
  passwordLength,
  passwordRules,
  passwordRulesAttribute,
  violationsOfRule,
} from '@wij-techniek/onboarding-contract';
import { blocklistSize, isBlocklisted } from '@wij-techniek/onboarding-contract/blocklist';

const { business, standards } = PASSWORD_POLICIES;
const withBlocklist = { isBlocklisted };

// A string of `n` code points that has every class: "Aa1!" then lower-case letters.
const ofLength = (n: number) => 'Aa1!' + 'x'.repeat(n - 4);

describe('password policy `business` (SECURITY.md P1)', () => {
  const cases: [string, string, readonly string[]][] = [
    ['13 characters is too short', ofLength(13), ['too_short']],
    ['14 characters is accepted', ofLength(14), []],
    ['22 characters is accepted', ofLength(22), []],
    ['23 characters is too long', ofLength(23), ['too_long']],
    ['no upper case letter', 'aa1!xxxxxxxxxxxx', ['missing_upper']],
    ['no lower case letter', 'AA1!XXXXXXXXXXXX', ['missing_lower']],
    ['no digit', 'Aab!xxxxxxxxxxxx', ['missing_digit']],
    ['no symbol', 'Aa12xxxxxxxxxxxx', ['missing_symbol']],
    ['every rule broken at once', 'abc', ['too_short', 'missing_upper', 'missing_digit', 'missing_symbol']],
    ['empty', '', ['too_short', 'missing_upper', 'missing_lower', 'missing_digit', 'missing_symbol']],
  ];
  for (const [name, password, violations] of cases) {
    it(name, () => {
      const verdict = checkPassword(password, business, withBlocklist);
      assert.deepEqual(verdict.violations, violations);
      assert.equal(verdict.valid, violations.length === 0);
    });
  }
});

describe('password policy `standards` (SECURITY.md P1)', () => {
  const cases: [string, string, readonly string[]][] = [
    ['14 characters is too short', 'k'.repeat(10) + 'q7rz', ['too_short']],
    ['15 characters is accepted', 'kqvz'.repeat(3) + 'mwp', []],
    ['128 accepted, 129 too long', 'q'.repeat(129), ['too_long']],
  ];
  for (const [name, password, violations] of cases) {
    it(name, () => assert.deepEqual(checkPassword(password, standards, withBlocklist).violations, violations));
  }
  it('a 64-character all-lower-case passphrase is accepted', () => {
    const sixtyFour = 'lantaarnpaal veldfles kikkerdril boekenplank zonnewijzer grasmussen'.slice(0, 64);
    assert.equal(passwordLength(sixtyFour), 64);
    assert.deepEqual(checkPassword(sixtyFour, standards, withBlocklist).violations, []);
  });
});

describe('length in code points after NFC (SECURITY.md P2)', () => {
  it('composed and decomposed "é" each count as one', () => {
    const composed = 'Aa1!é' + 'x'.repeat(8); // 13 code points
    const decomposed = 'Aa1!e\u0301' + 'x'.repeat(8);
    assert.equal(passwordLength(composed), 13);
    assert.equal(passwordLength(decomposed), 13);
    assert.deepEqual(checkPassword(decomposed, business).violations, ['too_short']);
    assert.deepEqual(checkPassword(decomposed + 'x', business).violations, []);
  });
  it('an emoji counts as one', () => {
    const password = 'Aa1' + '😀' + 'x'.repeat(10); // 14 code points, 15 UTF-16 units
    assert.equal(password.length, 15);
    assert.equal(passwordLength(password), 14);
    assert.deepEqual(checkPassword(password, business).violations, []);
    assert.deepEqual(checkPassword(password.slice(0, -1), business).violations, ['too_short']);
  });
  it('"É" is an upper case letter, "ß" a lower case one, and an emoji a symbol', () => {
    assert.deepEqual(checkPassword('ÉÉ1!' + 'ß'.repeat(10), business).violations, []);
    assert.deepEqual(checkPassword('Éb1😀' + 'x'.repeat(10), business).violations, []);
  });
});

describe('blocklist and personal data (SECURITY.md P3)', () => {
  it('a blocklisted password that meets every class is refused with its own code', () => {
    assert.deepEqual(checkPassword('Welkom01!Welkom', business, withBlocklist).violations, ['blocklisted']);
    assert.deepEqual(checkPassword('Wachtwoord2026!', business, withBlocklist).violations, ['blocklisted']);
  });
  it('the same password passes when no blocklist is given (the browser), so the server has the last word', () => {
    assert.deepEqual(checkPassword('Welkom01!Welkom', business).violations, []);
  });
  it('matches the whole password only, not a part of it', () => {
    assert.equal(isBlocklisted('welkom01!welkom'), true);
    assert.equal(isBlocklisted('Welkom01!Welkom-tulpenbol'), false);
    assert.ok(blocklistSize() > 10_000);
  });
  it('refuses the e-mail local part, the names and the service name inside the password', () => {
    const context = ['jansen.pieter@bouwbedrijf.nl', 'Pieter', 'Jansen'];
    for (const password of ['Jansen!2026xyzq', 'xyQ1!PIETERabcd', 'zz9#WijTechniek!', 'Q1!jansenpieter0']) {
      assert.deepEqual(checkPassword(password, business, { context }).violations, ['contains_personal_data'], password);
    }
    assert.deepEqual(checkPassword('Zq8!mloverhaag2', business, { context }).violations, []);
  });
  it('ignores short names, which would refuse good passwords by accident', () => {
    assert.deepEqual(checkPassword('Bo!9janvangoghx', business, { context: ['jan@x.nl', 'Jan', 'Bo'] }).violations, []);
  });
});

describe('checklist rules and passwordrules', () => {
  it('business lists length and the four classes', () => {
    assert.deepEqual(passwordRules(business), ['length', 'upper', 'lower', 'digit', 'symbol']);
    assert.deepEqual(violationsOfRule('length'), ['too_short', 'too_long']);
    assert.deepEqual(violationsOfRule('symbol'), ['missing_symbol']);
  });
  it('the passwordrules attribute matches each policy', () => {
    assert.equal(
      passwordRulesAttribute(business),
      'minlength: 14; maxlength: 22; required: upper; required: lower; required: digit; required: special;',
    );
    assert.equal(passwordRulesAttribute(standards), 'minlength: 15; maxlength: 128; allowed: unicode;');
  });
});
