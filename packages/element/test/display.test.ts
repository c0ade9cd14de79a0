// WCAG 2.2 AA beyond axe: forced colours (Windows high contrast) keep buttons and errors visible, 200% zoom
// (twice the font size in half the width) reflows without horizontal scrolling.
import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { EXISTING_EMAIL } from './support/api.js';
import { alertText, shadow, showStep, submitForm, type } from './support/fixture.js';
import { backgroundBehind, contrast } from './support/page-css.js';

describe('<wt-onboarding> display conditions', () => {
  afterEach(() => emulateMedia({ forcedColors: 'none', colorScheme: 'light' }));

  it('forced colours: buttons keep a system-colour border, an invalid field its 6px start border', async () => {
    await emulateMedia({ forcedColors: 'active' });
    const el = await showStep('email');
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    const primary = shadow(el, '[part~="button-primary"]')!;
    expect(getComputedStyle(primary).borderTopStyle).to.equal('solid');
    expect(getComputedStyle(primary).borderTopWidth).to.not.equal('0px');
    type(el, 'email', 'geen-adres');
    submitForm(el, 'email');
    await waitUntil(() => shadow(el, '[aria-invalid="true"]'), 'no invalid field');
    const input = shadow(el, '[aria-invalid="true"]')!;
    expect(parseFloat(getComputedStyle(input).borderInlineStartWidth)).to.be.at.least(6);
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`forced colours (${scheme} theme): an invalid field and the error box keep borders that contrast 3:1`, async () => {
      await emulateMedia({ forcedColors: 'active', colorScheme: scheme });
      const failures: string[] = [];
      const check = (what: string, color: string, against: string) => {
        const ratio = contrast(color, against);
        if (ratio < 3) failures.push(`${what}: ${color} on ${against} is ${ratio.toFixed(2)}:1`);
      };
      const email = await showStep('email');
      type(email, 'email', 'geen-adres');
      submitForm(email, 'email');
      await waitUntil(() => shadow(email, '[aria-invalid="true"]'), 'no invalid field');
      const input = shadow(email, '[aria-invalid="true"]')!;
      const field = input.closest('.field')!;
      const border = getComputedStyle(input).borderInlineStartColor;
      check('invalid input border, outside', border, backgroundBehind(field));
      check('invalid input border, inside', border, backgroundBehind(input));
      check('invalid field bar', getComputedStyle(field).borderInlineStartColor, backgroundBehind(field));

      const account = await showStep('account');
      type(account, 'email', EXISTING_EMAIL);
      type(account, 'password', 'niet-het-goede');
      submitForm(account, 'password');
      await waitUntil(() => alertText(account), 'no error box');
      const box = shadow(account, '[part~="status-error"]')!;
      check('error box border', getComputedStyle(box).borderInlineStartColor, backgroundBehind(box));
      expect(failures, `${scheme}: canvas ${backgroundBehind(box)}`).to.deep.equal([]);
    });
  }

  it('200% zoom: twice the text in 320px reflows without horizontal scrolling', async () => {
    for (const step of ['start', 'details', 'supplier'] as const) {
      const el = await showStep(step);
      el.style.setProperty('--wt-onboarding-font-size', '2rem');
      el.style.inlineSize = '320px';
      await el.updateComplete;
      const base = shadow(el, '[part="base"]')!;
      expect(base.scrollWidth, step).to.be.at.most(320);
    }
  });
});
