// What a theme can reach with ::part(): states that `aria-*` attributes carry (invalid, disabled, pressed) and
// cannot be matched after ::part() get part names of their own; the error marker survives a theme's input border;
// standalone links are 44px targets; the heading's focus ring does not cover the progress text.
import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { EXISTING_EMAIL } from './support/api.js';
import type { WtOnboarding } from '../src/onboarding.js';
import { button, shadow, shadowAll, showStep, submitForm, type } from './support/fixture.js';
import { pageCss, removePageCss } from './support/page-css.js';

const parts = (node: Element | null) => (node?.getAttribute('part') ?? '').split(/\s+/u).filter(Boolean);

/** The e-mail step with the address refused beside its field. */
async function invalidEmail(): Promise<WtOnboarding> {
  const el = await showStep('email');
  type(el, 'email', 'geen-adres');
  submitForm(el, 'email');
  await waitUntil(() => shadow(el, '[part~="error-message"]'), 'no field error shown');
  return el;
}

/** The width of the border on the start side (left, in Dutch). */
const startBorder = (node: Element) => parseFloat(getComputedStyle(node).borderLeftWidth);

describe('<wt-onboarding> parts for themes', () => {
  // Colours are read at once, not after the buttons' transition.
  before(() => emulateMedia({ reducedMotion: 'reduce' }));
  after(() => emulateMedia({ reducedMotion: 'no-preference' }));
  afterEach(removePageCss);

  it('marks an invalid field beside the input too, so ::part(input) { border-width } keeps a marker', async () => {
    pageCss('wt-onboarding::part(input) { border-width: 1px; }');
    const el = await invalidEmail();
    const input = shadow(el, '[name="email"]')!;
    const field = input.closest('[part~="field"]')!;
    expect(startBorder(input), 'the theme thinned the input’s own marker').to.equal(1);
    expect(startBorder(field)).to.be.at.least(4);
    expect(getComputedStyle(field).borderLeftStyle).to.equal('solid');
  });

  it('gives an invalid input and its field part names a theme can restore the marker with', async () => {
    pageCss(`wt-onboarding::part(input) { border-width: 1px; }
      wt-onboarding::part(input-invalid) { border-inline-start-width: 6px; }`);
    const el = await invalidEmail();
    const input = shadow(el, '[name="email"]')!;
    expect(parts(input)).to.include.members(['input', 'input-invalid']);
    expect(parts(input.closest('[part~="field"]'))).to.include('field-invalid');
    expect(startBorder(input)).to.equal(6);
    type(el, 'email', 'jan@bedrijf.nl');
    submitForm(el, 'email');
    await waitUntil(() => !shadow(el, '[part~="input-invalid"]'), 'still marked invalid');
  });

  it('keeps the 6px marker in the NL Design System example theme, which thins the input’s start border', async () => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = '/examples/themed/theme.css';
    const loaded = new Promise((resolve) => link.addEventListener('load', resolve, { once: true }));
    document.head.append(link);
    await loaded;
    try {
      const el = await invalidEmail();
      el.parentElement!.dataset.theme = 'nl-design-system';
      expect(startBorder(shadow(el, '[name="email"]')!)).to.equal(6);
    } finally {
      link.remove();
    }
  });

  it('names the checklist heading, and lets a theme style the checklist’s icons', async () => {
    pageCss(`wt-onboarding::part(checklist-item)::before { color: rgb(1, 2, 3); }
      wt-onboarding::part(checklist-item-met)::before { color: rgb(4, 5, 6); }`);
    const el = await showStep('details');
    expect(shadow(el, '[part~="checklist-heading"]')!.textContent.trim()).to.equal('Je wachtwoord heeft:');
    type(el, 'password', 'Zonnig');
    await el.updateComplete;
    const colours = shadowAll(el, '[part~="checklist-item"]').map((item) => getComputedStyle(item, '::before').color);
    expect(colours).to.include.members(['rgb(1, 2, 3)', 'rgb(4, 5, 6)']);
  });

  it('gives the error region a part of its own, apart from the polite status region', async () => {
    const el = await showStep('account');
    type(el, 'email', EXISTING_EMAIL);
    type(el, 'password', 'niet-het-goede');
    submitForm(el, 'password');
    await waitUntil(() => shadow(el, '[role="alert"]')?.textContent?.trim(), 'no error shown');
    expect(parts(shadow(el, '[role="alert"]'))).to.deep.equal(['status-error']);
    expect(parts(shadow(el, '[role="status"]'))).to.deep.equal(['status']);
  });

  it('names a waiting button button-disabled, and the pressed password toggle password-toggle-pressed', async () => {
    pageCss(`wt-onboarding::part(button-disabled) { opacity: 0.3; }
      wt-onboarding::part(password-toggle-pressed) { background-color: rgb(1, 2, 3); }`);
    const code = await showStep('code');
    const resend = button(code, 'Stuur een nieuwe code');
    expect(parts(resend)).to.include('button-disabled');
    expect(getComputedStyle(resend).opacity).to.equal('0.3');
    expect(shadowAll(code, '[part~="button-disabled"]'), 'only the waiting one').to.have.length(1);

    const details = await showStep('details');
    const toggle = shadow(details, '[part~="password-toggle"]')!;
    expect(parts(toggle)).to.not.include('password-toggle-pressed');
    toggle.click();
    await details.updateComplete;
    expect(parts(toggle)).to.include('password-toggle-pressed');
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect(getComputedStyle(toggle).backgroundColor).to.equal('rgb(1, 2, 3)');
  });

  it('makes the standalone link on the verified step a 44px target', async () => {
    const el = await showStep('verified');
    const link = shadow(el, 'a[part~="link"]')!;
    expect(link.textContent.trim()).to.equal('Terug naar de website van Wij Techniek');
    expect(link.getBoundingClientRect().height).to.be.at.least(44);
  });

  it('leaves a link inside a sentence inline, in the sentence’s lines', async () => {
    const el = await showStep('start');
    const link = shadow(el, 'a[part~="link"]')!;
    expect(getComputedStyle(link).display).to.equal('inline');
    const line = parseFloat(getComputedStyle(link.parentElement!).lineHeight);
    expect(link.getBoundingClientRect().height).to.be.below(line * 1.5);
  });

  for (const [width, offset] of [
    ['3px', '2px'],
    ['6px', '4px'],
  ] as const) {
    it(`leaves room for a ${width} focus ring at ${offset} around the heading, clear of "Stap 8 van 8"`, async () => {
      const el = await showStep('verified');
      el.style.setProperty('--wt-focus-outline-width', width);
      el.style.setProperty('--wt-focus-outline-offset', offset);
      const heading = shadow(el, '[part~="heading"]')!;
      heading.focus();
      expect(heading.matches(':focus-visible')).to.equal(true);
      const style = getComputedStyle(heading);
      const ringTop =
        heading.getBoundingClientRect().top - parseFloat(style.outlineWidth) - parseFloat(style.outlineOffset);
      const progress = shadow(el, '[part~="progress"]')!;
      expect(progress.textContent.trim()).to.equal('Stap 8 van 8');
      expect(ringTop).to.be.at.least(progress.getBoundingClientRect().bottom - 0.5);
    });
  }
});
