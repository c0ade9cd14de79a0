import { expect } from '@open-wc/testing';
import type { Right } from '@wij-techniek/onboarding-sdk';
import { TRANSLATIONS } from '../src/controllers/localize-controller.js';
import { MEMBERSHIP } from './support/api.js';
import { showStep } from './support/fixture.js';
import { headingFrom, runStepTests } from './support/step-suite.js';

describe('<wt-onboarding> steps', () => {
  runStepTests('start', headingFrom('start'));
  runStepTests('eherkenning-info', headingFrom('eherkenningInfo'));
  runStepTests('account', headingFrom('account'));
  runStepTests('email', headingFrom('email'));
  runStepTests('code', headingFrom('code'));
  runStepTests('details', headingFrom('details'));
  runStepTests('supplier', headingFrom('supplier'));
  runStepTests('verified', (lang) => TRANSLATIONS[lang].verified.heading);
  runStepTests('password-email', headingFrom('passwordEmail'));
  runStepTests('password-code', headingFrom('passwordCode'));
  runStepTests('password-new', headingFrom('passwordNew'));
  runStepTests('invitation', headingFrom('invitation'));
});

describe('<wt-onboarding> verified step', () => {
  it('shows an invited member the rights they were granted, and no list to an administrator', async () => {
    const member = { ...MEMBERSHIP, rights: ['register_for_meetings', 'submit_expense_claims'] as Right[] };
    const el = await showStep('verified', { session: { memberships: [member] } });
    const items = [...el.shadowRoot!.querySelectorAll('[part~="rights"] li')].map((li) => li.textContent?.trim());
    expect(items).to.deep.equal(["Collega's aanmelden voor bijeenkomsten", 'Declaraties indienen']);
    await expect(el).to.be.accessible();

    const administrator = await showStep('verified', { lang: 'en' });
    expect(administrator.shadowRoot!.querySelector('[part~="rights"]')).to.equal(null);
    expect(administrator.shadowRoot!.textContent).to.contain('administrator account');
  });
});
