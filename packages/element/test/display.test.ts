// WCAG 2.2 AA beyond axe: forced colours (Windows high contrast) keep buttons and errors visible, 200% zoom
// (twice the font size in half the width) reflows without horizontal scrolling.
import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { shadow, showStep, submitForm, type } from './support/fixture.js';

describe('<wt-onboarding> display conditions', () => {
  afterEach(() => emulateMedia({ forcedColors: 'none' }));

  it('forced colours: buttons keep a system-colour border, an invalid field a Mark border', async () => {
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
