// docs/designers.md: "The page's own CSS does not leak in" — only the host box itself is the page's. And a card's
// tokens (background, border, radius, padding) paint one box, so rounded corners are seen.
import { expect } from '@open-wc/testing';
import type { WtOnboarding } from '../src/onboarding.js';
import { shadow, shadowAll, showStep } from './support/fixture.js';
import { pageCss, removePageCss } from './support/page-css.js';

/** The element inside a column `width` pixels wide, as on a phone (320) or a wide page. */
async function inColumn(step: Parameters<typeof showStep>[0], width: number): Promise<WtOnboarding> {
  const el = await showStep(step);
  el.parentElement!.style.inlineSize = `${width}px`;
  return el;
}

/** Every input's box lies within its field's: none sticks out of the column. */
function expectInputsInside(el: WtOnboarding): void {
  const inputs = shadowAll<HTMLInputElement>(el, 'input[part~="input"]');
  expect(inputs.length).to.be.greaterThan(0);
  for (const input of inputs) {
    const box = input.getBoundingClientRect();
    const field = input.closest('[part~="field"]')!.getBoundingClientRect();
    expect(box.right, `${input.name} sticks out by ${box.right - field.right}px`).to.be.at.most(field.right + 0.5);
  }
}

describe('<wt-onboarding> and the page’s own CSS', () => {
  afterEach(removePageCss);

  it('paints the card’s background, border, radius and padding on one box, so a radius rounds the colour', async () => {
    const el = await showStep('start');
    el.style.setProperty('--wt-onboarding-border-radius', '24px');
    el.style.setProperty('--wt-onboarding-background-color', 'rgb(20, 24, 28)');
    el.style.setProperty('--wt-onboarding-color', 'rgb(240, 240, 240)');
    el.style.setProperty('--wt-onboarding-border-width', '1px');
    el.style.setProperty('--wt-onboarding-border-color', 'rgb(90, 90, 90)');
    const card = getComputedStyle(shadow(el, '[part~="base"]')!);
    expect(getComputedStyle(el).backgroundColor, 'nothing square is painted behind the card').to.equal(
      'rgba(0, 0, 0, 0)',
    );
    expect(card.backgroundColor).to.equal('rgb(20, 24, 28)');
    expect(card.borderStartStartRadius).to.equal('24px');
    expect(card.borderEndEndRadius).to.equal('24px');
    expect(card.borderTopWidth).to.equal('1px');
    expect(card.borderTopColor).to.equal('rgb(90, 90, 90)');
    expect(card.paddingTop).to.equal('24px');
  });

  it('is not reached by the page’s inherited text properties', async () => {
    pageCss(`body {
      letter-spacing: 0.2em; word-spacing: 1em; text-transform: uppercase; font-style: italic; font-weight: 300;
      text-shadow: 1px 1px 0 red; text-indent: 3em; white-space: nowrap; font-variant: small-caps;
    }`);
    const el = await showStep('email');
    for (const node of [
      shadow(el, '[part~="heading"]')!,
      shadow(el, '[part~="text"]')!,
      shadow(el, '[part~="label"]')!,
      shadow(el, '[part~="hint"]')!,
      shadow(el, '[part~="input"]')!,
      shadow(el, '[part~="button"]')!,
    ]) {
      const style = getComputedStyle(node);
      const where = node.getAttribute('part') ?? undefined;
      expect(style.letterSpacing, where).to.equal('normal');
      expect(style.wordSpacing, where).to.equal('0px');
      expect(style.textTransform, where).to.equal('none');
      expect(style.fontStyle, where).to.equal('normal');
      expect(style.textShadow, where).to.equal('none');
      expect(style.textIndent, where).to.equal('0px');
      expect(style.whiteSpace, where).to.equal('normal');
      expect(style.fontVariantCaps, where).to.equal('normal');
    }
    expect(getComputedStyle(shadow(el, '[part~="text"]')!).fontWeight).to.equal('400');
  });

  it('keeps its typography, colours and column under a page-wide * rule, at 320px', async () => {
    pageCss(`* { font-family: Papyrus, fantasy; color: rgb(255, 0, 0); box-sizing: content-box; }`);
    const el = await inColumn('details', 320);
    expectInputsInside(el);
    const text = getComputedStyle(shadow(el, '[part~="label"]')!);
    expect(text.color).to.equal('rgb(26, 26, 26)');
    expect(text.fontFamily).to.not.contain('Papyrus');
    el.style.setProperty('--wt-onboarding-color', 'rgb(0, 0, 128)');
    el.style.setProperty('--wt-onboarding-font-family', 'Georgia, serif');
    expect(getComputedStyle(shadow(el, '[part~="label"]')!).color, 'a token still holds').to.equal('rgb(0, 0, 128)');
    expect(getComputedStyle(shadow(el, '[part~="label"]')!).fontFamily).to.equal('Georgia, serif');
  });

  it('keeps its width under * { all: revert }, which makes the host box inline', async () => {
    pageCss('* { all: revert; }');
    const el = await inColumn('details', 1000);
    expect(getComputedStyle(el).display, 'the page’s rule wins on the host box').to.equal('inline');
    const card = shadow(el, '[part~="base"]')!.getBoundingClientRect();
    expect(card.width).to.be.at.most(640);
    expectInputsInside(el);
  });

  it('is hidden by the page with the hidden attribute or display: none on the host', async () => {
    const el = await showStep('start');
    el.hidden = true;
    expect(shadow(el, '[part~="base"]')!.getBoundingClientRect().height).to.equal(0);
    el.hidden = false;
    pageCss('wt-onboarding { display: none; }');
    expect(shadow(el, '[part~="base"]')!.getBoundingClientRect().height).to.equal(0);
  });
});
