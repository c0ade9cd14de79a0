// The tokens designers asked for: both button variants' hover text and border colours, the spacing of fields,
// button rows, the error box and the session notice, the sub-heading's font and line height, and the colour scheme
// native controls follow.
import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia, resetMouse, sendMouse } from '@web/test-runner-commands';
import type { WtOnboarding } from '../src/onboarding.js';
import { EXISTING_EMAIL } from './support/api.js';
import { shadow, showStep, submitForm, type } from './support/fixture.js';

/** Sets tokens on the element. */
function tokens(el: WtOnboarding, values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) el.style.setProperty(name, value);
}

/** Moves the real mouse pointer over the middle of `node`. */
async function hover(node: Element): Promise<void> {
  const box = node.getBoundingClientRect();
  await sendMouse({ type: 'move', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}

describe('<wt-onboarding> tokens', () => {
  before(() => emulateMedia({ reducedMotion: 'reduce' }));
  after(() => emulateMedia({ reducedMotion: 'no-preference' }));
  afterEach(() => resetMouse());

  for (const variant of ['primary', 'secondary'] as const) {
    it(`takes the ${variant} button’s hover text and border colours`, async () => {
      const el = await showStep('eherkenning-info');
      tokens(el, {
        [`--wt-button-${variant}-hover-color`]: 'rgb(1, 2, 3)',
        [`--wt-button-${variant}-hover-border-color`]: 'rgb(4, 5, 6)',
        [`--wt-button-${variant}-hover-background-color`]: 'rgb(250, 250, 200)',
      });
      const button = shadow(el, `[part~="button-${variant}"]`)!;
      const before = getComputedStyle(button).color;
      await hover(button);
      expect(button.matches(':hover')).to.equal(true);
      const style = getComputedStyle(button);
      expect(style.color).to.equal('rgb(1, 2, 3)');
      expect(style.borderTopColor).to.equal('rgb(4, 5, 6)');
      expect(style.backgroundColor).to.equal('rgb(250, 250, 200)');
      await resetMouse();
      expect(getComputedStyle(button).color, 'back when the pointer leaves').to.equal(before);
    });
  }

  it('keeps the non-hover text colour on hover when no hover colour is set', async () => {
    const el = await showStep('eherkenning-info');
    tokens(el, { '--wt-button-secondary-color': 'rgb(7, 8, 9)', '--wt-button-secondary-border-color': 'rgb(9, 8, 7)' });
    const button = shadow(el, '[part~="button-secondary"]')!;
    await hover(button);
    expect(getComputedStyle(button).color).to.equal('rgb(7, 8, 9)');
    expect(getComputedStyle(button).borderTopColor).to.equal('rgb(9, 8, 7)');
  });

  it('spaces fields and button rows by their tokens', async () => {
    const el = await showStep('email');
    tokens(el, { '--wt-form-field-row-gap': '10px', '--wt-actions-gap': '30px' });
    expect(getComputedStyle(shadow(el, '[part~="field"]')!).rowGap).to.equal('10px');
    const actions = getComputedStyle(shadow(el, '[part~="actions"]')!);
    expect([actions.columnGap, actions.rowGap]).to.deep.equal(['30px', '30px']);
  });

  it('pads and rounds the error box by its tokens', async () => {
    const el = await showStep('account');
    tokens(el, {
      '--wt-status-error-padding-block': '11px',
      '--wt-status-error-padding-inline': '13px',
      '--wt-status-error-border-radius': '8px',
    });
    type(el, 'email', EXISTING_EMAIL);
    type(el, 'password', 'niet-het-goede');
    submitForm(el, 'password');
    await waitUntil(() => shadow(el, '[role="alert"]')?.textContent?.trim(), 'no error shown');
    const box = getComputedStyle(shadow(el, '[role="alert"]')!);
    expect([box.paddingTop, box.paddingLeft, box.borderTopLeftRadius]).to.deep.equal(['11px', '13px', '8px']);
  });

  it('pads and rounds the session notice by its tokens', async () => {
    const el = await showStep('supplier');
    tokens(el, {
      '--wt-session-notice-padding-block': '11px',
      '--wt-session-notice-padding-inline': '13px',
      '--wt-session-notice-border-radius': '8px',
    });
    el.clock = () => el.flow!.state.sessionEndsAt! - 60_000;
    el.requestUpdate();
    await el.updateComplete;
    const box = getComputedStyle(shadow(el, '[part~="session-notice"]')!);
    expect([box.paddingTop, box.paddingLeft, box.borderTopLeftRadius]).to.deep.equal(['11px', '13px', '8px']);
  });

  it('sets the sub-heading’s font family and line height by its tokens, and inherits them by default', async () => {
    const el = await showStep('start');
    const subheading = shadow(el, '[part~="subheading"]')!;
    const text = getComputedStyle(shadow(el, '[part~="text"]')!);
    expect(getComputedStyle(subheading).fontFamily).to.equal(text.fontFamily);
    tokens(el, { '--wt-heading-3-font-family': 'Georgia, serif', '--wt-heading-3-line-height': '2' });
    const style = getComputedStyle(subheading);
    expect(style.fontFamily).to.equal('Georgia, serif');
    expect(parseFloat(style.lineHeight)).to.equal(parseFloat(style.fontSize) * 2);
  });

  it('is light by default and tells native controls the colour scheme the token sets', async () => {
    const el = await showStep('supplier');
    const select = shadow(el, 'select')!;
    expect(getComputedStyle(select).colorScheme).to.equal('light');
    tokens(el, { '--wt-onboarding-color-scheme': 'dark' });
    expect(getComputedStyle(select).colorScheme).to.equal('dark');
    expect(getComputedStyle(shadow(el, '[part~="base"]')!).colorScheme).to.equal('dark');
  });
});
