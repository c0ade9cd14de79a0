// The `texts` attribute as web editors write it: keys for every language mixed with a language's own keys, texts
// nested two groups deep, and a typo that must not pass unnoticed — for <wt-onboarding> and
// <wt-organisation-members>, which share the merge.
import { expect, fixture, html } from '@open-wc/testing';
import type { Right } from '@wij-techniek/onboarding-sdk';
import type { WtOnboarding } from '../src/onboarding.js';
import { MEMBERSHIP } from './support/api.js';
import { button, heading, settled, shadowAll, showStep } from './support/fixture.js';
import { $, mount } from './organisation-members/fixture.js';

/** Lets the language observer (a MutationObserver) see an attribute change and the element re-render. */
async function relang(el: HTMLElement & { updateComplete: Promise<boolean> }, lang: string): Promise<void> {
  el.setAttribute('lang', lang);
  await new Promise((resolve) => setTimeout(resolve));
  await el.updateComplete;
}

/** Runs `action` with console.warn recorded instead of printed; returns the warnings. */
async function warningsOf(action: () => Promise<void>): Promise<string[]> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  try {
    await action();
  } finally {
    console.warn = original;
  }
  return warnings;
}

describe('<wt-onboarding> texts: shared keys, language keys, nesting, typos', () => {
  it('applies keys outside nl/en to every language, and the language’s own keys win over them', async () => {
    const el = await showStep('start');
    el.setAttribute(
      'texts',
      '{"start":{"action":"Begin hier","heading":"Welkom"},"en":{"start":{"action":"Begin here"}}}',
    );
    await el.updateComplete;
    expect(button(el, 'Begin hier').type, 'nl: the shared key (the review’s case)').to.equal('button');
    expect(heading(el)).to.equal('Welkom');

    await relang(el, 'en');
    expect(button(el, 'Begin here'), 'en: its own key wins').to.be.instanceOf(HTMLButtonElement);
    expect(heading(el), 'en: a shared key it does not override').to.equal('Welkom');
  });

  it('replaces a text two groups deep (verified.right.*) and keeps its siblings', async () => {
    const rights: Right[] = ['register_for_meetings', 'submit_expense_claims'];
    const el = await showStep('verified', { session: { memberships: [{ ...MEMBERSHIP, rights }] } });
    el.texts = { verified: { right: { submit_expense_claims: 'Onkosten declareren' } } };
    await el.updateComplete;
    const listed = shadowAll(el, '[part~="rights"] li').map((li) => li.textContent.trim());
    expect(listed).to.deep.equal(["Collega's aanmelden voor bijeenkomsten", 'Onkosten declareren']);
  });

  it('warns once, naming the key path, for an override that names no text, and keeps the built-in text', async () => {
    let el!: WtOnboarding;
    const warnings = await warningsOf(async () => {
      el = await showStep('start');
      el.texts = { start: { acton: 'Begin' }, en: { strat: { action: 'Go' } } } as WtOnboarding['texts'];
      await el.updateComplete;
      // The same typo again (a new object, as a re-set attribute gives) is not reported twice.
      el.setAttribute('texts', '{"start":{"acton":"Begin"},"verified":{"right":"Rechten"}}');
      await el.updateComplete;
      await relang(el, 'en');
    });
    expect(
      warnings.filter((w) => w.includes('"start.acton"')),
      'start.acton',
    ).to.have.length(1);
    expect(
      warnings.filter((w) => w.includes('"en.strat"')),
      'en.strat',
    ).to.have.length(1);
    expect(
      warnings.filter((w) => w.includes('"verified.right"')),
      'a text where a group is',
    ).to.have.length(1);
    expect(warnings.every((w) => w.startsWith('<wt-onboarding>'))).to.equal(true);
    expect(button(el, 'Start here'), 'the built-in text stays').to.be.instanceOf(HTMLButtonElement);
  });

  it('does not warn for overrides that all name texts', async () => {
    const warnings = await warningsOf(async () => {
      const el = await fixture<WtOnboarding>(html`<wt-onboarding lang="nl"></wt-onboarding>`);
      el.texts = {
        start: { action: 'Begin' },
        verified: { right: { administer: 'Beheer' } },
        nl: { errors: { code_invalid: 'Die code klopt niet.' } },
        en: { rateLimited: { minutes: 'Wait {minutes|# minute|# minutes}.' } },
      };
      await settled(el);
    });
    expect(warnings.filter((w) => w.includes('texts has'))).to.deep.equal([]);
  });
});

describe('<wt-organisation-members> texts: shared keys, language keys, typos', () => {
  it('applies keys outside nl/en to every language, the language’s own winning; warns for a typo only', async () => {
    const texts = {
      members: { heading: 'Collega’s' },
      invite: { heading: 'Uitnodigen' },
      errors: { forbidden: 'Dat mag je niet.' },
      common: { retry: 'Nog eens' },
      en: { members: { heading: 'Team' } },
      nl: { invite: { actoin: 'Versturen' } },
    };
    const warnings = await warningsOf(async () => {
      const nl = await mount({ texts });
      expect($(nl, '#wt-heading').textContent?.trim()).to.equal('Collega’s');
      const en = await mount({ lang: 'en', texts });
      expect($(en, '#wt-heading').textContent?.trim(), 'en: its own key wins').to.equal('Team');
      expect(en.shadowRoot!.textContent, 'en: a shared key applies').to.contain('Uitnodigen');
    });
    const ours = warnings.filter((w) => w.includes('texts has'));
    expect(ours).to.have.length(1);
    expect(ours[0]).to.contain('<wt-organisation-members>').and.contain('"nl.invite.actoin"');
  });
});
