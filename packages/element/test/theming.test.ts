// What designers and editors rely on: every part, token and state the manifest documents exists (and nothing
// undocumented does), tokens take effect, texts can be replaced, the page's language is followed, and a reload
// stays on the step.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { STEP_IDS } from '@wij-techniek/onboarding-sdk';
import { WtOnboarding } from '../src/onboarding.js';
import { api, MEMBERSHIP } from './support/api.js';
import {
  button,
  heading,
  resetAll,
  sessionFor,
  settled,
  shadow,
  shadowAll,
  showStep,
  submitForm,
  type,
} from './support/fixture.js';

interface Declaration {
  tagName?: string;
  cssParts?: { name: string }[];
  cssProperties?: { name: string; default?: string }[];
  cssStates?: { name: string }[];
  attributes?: { name: string }[];
}

async function manifest(): Promise<Declaration> {
  const response = await fetch('/packages/element/custom-elements.json');
  const json = (await response.json()) as { modules: { declarations?: Declaration[] }[] };
  const element = json.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'wt-onboarding');
  if (!element) throw new Error('custom-elements.json has no wt-onboarding: run npm run analyze');
  return element;
}

const stylesText = () =>
  WtOnboarding.elementStyles.map((style) => ('cssText' in style ? style.cssText : '')).join('\n');

/** Lets the language observer (a MutationObserver) see an attribute change and the element re-render. */
async function observed(el: WtOnboarding): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await el.updateComplete;
}

describe('<wt-onboarding> theming and configuration', () => {
  it('renders every documented part on some step, and no undocumented one', async () => {
    const documented = new Set((await manifest()).cssParts!.map((part) => part.name));
    const seen = new Set<string>();
    for (const step of STEP_IDS) {
      // An invited member's verified step also lists their rights.
      const member = { memberships: [{ ...MEMBERSHIP, rights: ['submit_expense_claims' as const] }] };
      const el = await showStep(step, step === 'verified' ? { session: member } : {});
      if (step === 'details') {
        type(el, 'password', 'Zonnig');
        shadow(el, '[part~="password-toggle"]')!.click();
        await el.updateComplete;
      }
      if (step === 'supplier') {
        // A minute before the session ends: the session notice and its button.
        el.clock = () => el.flow!.state.sessionEndsAt! - 60_000;
        el.requestUpdate();
        await el.updateComplete;
      }
      if (step === 'email') {
        type(el, 'email', 'geen-adres');
        submitForm(el, 'email');
        await waitUntil(() => shadow(el, '[part~="error-message"]'), 'no field error shown');
      }
      if (step === 'password-email') {
        // Refused by the server's anti-automation hook: the message below the widget's slot.
        api.failNext('/password/forgot', {
          code: 'rate_limited',
          extra: { retryAfterSeconds: 30, reason: 'anti_automation' },
        });
        type(el, 'email', 'jan@bedrijf.nl');
        submitForm(el, 'email');
        await waitUntil(() => shadow(el, '[part~="anti-automation-error"]'), 'no refusal below the widget');
      }
      for (const node of shadowAll(el, '[part]')) {
        for (const name of node.getAttribute('part')!.split(/\s+/u)) if (name) seen.add(name);
      }
    }
    const perStep = [...seen].filter((name) => name.startsWith('step-'));
    expect(perStep.sort()).to.deep.equal(STEP_IDS.map((step) => `step-${step}`).sort());
    expect(
      [...documented].filter((name) => !seen.has(name)),
      'documented but never rendered',
    ).to.deep.equal([]);
    const undocumented = [...seen].filter((name) => !documented.has(name) && !name.startsWith('step-'));
    expect(undocumented, 'rendered but not documented').to.deep.equal([]);
  });

  it('reads every documented token with its documented default, and documents every token it reads', async () => {
    const documented = (await manifest()).cssProperties!;
    const css = stylesText();
    for (const token of documented) {
      expect(css, token.name).to.contain(`var(${token.name}, ${token.default ?? ''}`);
    }
    const read = new Set([...css.matchAll(/var\((--wt-[a-z0-9-]+)/gu)].map((match) => match[1]));
    expect([...read].filter((name) => !documented.some((token) => token.name === name))).to.deep.equal([]);
    expect(css, 'no unprefixed custom properties').to.not.match(/var\(--(?!_?wt-)/u);
  });

  it('documents a custom state for busy and for every step', async () => {
    const states = (await manifest()).cssStates!.map((state) => state.name);
    expect(states).to.include('busy');
    for (const step of STEP_IDS) expect(states).to.include(`step-${step}`);
  });

  it('has the custom state of the step shown, and only that one, as the flow moves', async () => {
    const el = await showStep('start');
    const shownStates = () => STEP_IDS.filter((step) => el.matches(`:state(step-${step})`));
    expect(shownStates()).to.deep.equal(['start']);
    button(el, 'Start hier').click();
    await settled(el, 'eherkenning-info');
    expect(shownStates()).to.deep.equal(['eherkenning-info']);
    button(el, 'Terug').click();
    await settled(el, 'start');
    expect(shownStates()).to.deep.equal(['start']);
  });

  it('a token set by the page takes effect inside the shadow root', async () => {
    const el = await showStep('start');
    el.style.setProperty('--wt-button-primary-background-color', 'rgb(1, 2, 3)');
    el.style.setProperty('--wt-button-min-block-size', '60px');
    const primary = shadow(el, '[part~="button-primary"]')!;
    // The background eases in over 0.15s unless reduced motion is asked for.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(getComputedStyle(primary).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(primary.getBoundingClientRect().height).to.be.at.least(60);
  });

  it('applies text overrides from the property, from a JSON attribute and per language', async () => {
    const el = await showStep('start');
    el.texts = { start: { action: 'Begin nu' } };
    await el.updateComplete;
    expect(button(el, 'Begin nu')).to.be.instanceOf(HTMLButtonElement);
    expect(heading(el), 'other texts stay').to.equal('Account aanmaken en met eHerkenning verificatie inloggen');

    el.setAttribute('texts', JSON.stringify({ start: { heading: 'Welkom bij Wij Techniek' } }));
    await el.updateComplete;
    expect(heading(el)).to.equal('Welkom bij Wij Techniek');

    el.texts = { en: { start: { heading: 'Welcome' } }, nl: { start: { heading: 'Welkom' } } };
    await el.updateComplete;
    expect(heading(el)).to.equal('Welkom');
    el.setAttribute('lang', 'en');
    await observed(el);
    expect(heading(el)).to.equal('Welcome');
  });

  it('keeps the built-in texts where the texts attribute a web editor typed is not valid JSON or not a text', async () => {
    const el = await showStep('start');
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      el.setAttribute('texts', '{ start: { action: Begin } }');
      await el.updateComplete;
    } finally {
      console.warn = warn;
    }
    expect(button(el, 'Start hier')).to.be.instanceOf(HTMLButtonElement);
    expect(warnings, 'one warning for the invalid JSON').to.have.length(1);

    el.setAttribute(
      'texts',
      JSON.stringify({ start: { action: 12, heading: 'Welkom', intro: null }, common: 'Terug', 0: { heading: 'x' } }),
    );
    await el.updateComplete;
    expect(heading(el)).to.equal('Welkom');
    expect(button(el, 'Start hier'), 'a number is not a text').to.be.instanceOf(HTMLButtonElement);
    expect(el.shadowRoot!.textContent).to.contain('Met een persoonlijk account');
    expect(shadow(el, '[part~="progress"]')!.textContent.trim(), 'a group given as a string changes nothing').to.equal(
      'Stap 1 van 8',
    );
  });

  it('takes the language from the closest ancestor with lang, and follows changes', async () => {
    await resetAll();
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en-GB"><wt-onboarding></wt-onboarding></div>`);
    const el = wrapper.querySelector('wt-onboarding')!;
    await settled(el, 'start');
    expect(heading(el)).to.equal('Create an account and verify it with eHerkenning');
    expect(button(el, 'Start here')).to.be.instanceOf(HTMLButtonElement);
    wrapper.setAttribute('lang', 'nl');
    await observed(el);
    expect(button(el, 'Start hier')).to.be.instanceOf(HTMLButtonElement);
    wrapper.setAttribute('lang', 'de');
    await observed(el);
    expect(button(el, 'Start hier'), 'Dutch for a language we do not speak').to.be.instanceOf(HTMLButtonElement);
  });

  it('tells the flow the language, so the server mails in it', async () => {
    await resetAll();
    sessionStorage.setItem('wt-onboarding-step', 'email');
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="nl"><wt-onboarding></wt-onboarding></div>`);
    const el = wrapper.querySelector('wt-onboarding')!;
    await settled(el, 'email');
    wrapper.setAttribute('lang', 'en');
    await observed(el);
    type(el, 'email', 'jan@bedrijf.nl');
    submitForm(el, 'email');
    await settled(el, 'code');
    expect(api.bodies.get('/signup/email')).to.deep.equal({ email: 'jan@bedrijf.nl', lang: 'en' });
  });

  it('projects the page’s content into the verified slot on the verified step only', async () => {
    await resetAll({ ...sessionFor('verified') });
    const el = await fixture<WtOnboarding>(
      html`<wt-onboarding
        ><p slot="verified"><a href="/diensten">Naar de online diensten</a></p></wt-onboarding
      >`,
    );
    await settled(el, 'verified');
    const slot = shadow<HTMLSlotElement>(el, 'slot[name="verified"]')!;
    expect(slot.assignedElements().map((node) => node.textContent)).to.deep.equal(['Naar de online diensten']);
    const state = el.flow!.state;
    if (state.step === 'verified') await state.actions.signOut();
    await settled(el, 'start');
    expect(shadow(el, 'slot[name="verified"]')).to.equal(null);
  });

  it('is configured by attributes alone', async () => {
    await resetAll();
    const el = await fixture<WtOnboarding>(
      html`<wt-onboarding
        api-base="/api/v1"
        return-to="https://www.wij-techniek.nl/account"
        eherkenning-info-url="https://www.belastingdienst.nl/eherkenning"
        home-url="https://www.wij-techniek.nl/"
      ></wt-onboarding>`,
    );
    await settled(el, 'start');
    expect(el.returnTo).to.equal('https://www.wij-techniek.nl/account');
    expect(shadow<HTMLAnchorElement>(el, 'a[part="link"]')!.href).to.equal(
      'https://www.belastingdienst.nl/eherkenning',
    );
    const documented = (await manifest()).attributes!.map((attribute) => attribute.name);
    expect(documented).to.include.members(['api-base', 'return-to', 'eherkenning-info-url', 'home-url', 'texts']);
  });

  for (const step of ['eherkenning-info', 'email', 'code', 'details', 'supplier'] as const) {
    it(`a reload on ${step} stays on ${step}, without taking focus`, async () => {
      const first = await showStep(step);
      first.remove();
      const again = await fixture<WtOnboarding>(html`<wt-onboarding></wt-onboarding>`);
      await settled(again, step);
      expect(again.shadowRoot!.activeElement).to.equal(null);
    });
  }
});
