// A typo in a token (`10 px`, `garbage`) must not remove the focus ring (WCAG 2.4.7) or make a button invisible:
// the focus ring's longhands fall back to a visible ring, the button colours to their defaults.
import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { WtOnboarding } from '../src/onboarding.js';
import { shadow, showStep } from './support/fixture.js';
import { channels, contrast } from './support/page-css.js';

interface Declaration {
  tagName?: string;
  cssProperties?: { name: string; default?: string }[];
}

/** The tokens the manifest documents, with their defaults. */
async function documentedTokens(): Promise<{ name: string; default?: string }[]> {
  const json = (await (await fetch('/packages/element/custom-elements.json')).json()) as {
    modules: { declarations?: Declaration[] }[];
  };
  const element = json.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'wt-onboarding');
  return element?.cssProperties ?? [];
}

/** The documented default of a token. */
async function documentedDefault(name: string): Promise<string> {
  const token = (await documentedTokens()).find((property) => property.name === name);
  if (!token?.default) throw new Error(`${name} has no documented default`);
  return token.default;
}

/** A colour as the browser computes it. */
function computed(color: string): string {
  const probe = document.createElement('span');
  probe.style.color = color;
  document.body.append(probe);
  const value = getComputedStyle(probe).color;
  probe.remove();
  return value;
}

/** Focuses `node` as the keyboard would show it, and returns its outline. */
function focusRing(node: HTMLElement) {
  node.focus();
  expect(node.matches(':focus-visible'), 'focus is shown').to.equal(true);
  const style = getComputedStyle(node);
  return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), color: style.outlineColor };
}

const primary = (el: WtOnboarding) => shadow(el, '[part~="button-primary"]')!;

describe('<wt-onboarding> with a token that is not a valid value', () => {
  before(() => emulateMedia({ reducedMotion: 'reduce' }));
  after(() => emulateMedia({ reducedMotion: 'no-preference' }));

  for (const [token, value] of [
    ['--wt-focus-outline-width', '10 px'],
    ['--wt-focus-outline-width', '0'],
    ['--wt-focus-outline-color', 'garbage'],
    ['--wt-focus-outline-offset', 'auto'],
  ] as const) {
    it(`keeps a solid focus ring of at least 2px with ${token}: ${value}`, async () => {
      const el = await showStep('email');
      el.style.setProperty(token, value);
      for (const node of [shadow(el, '[part~="input"]')!, primary(el), shadow(el, '[part~="heading"]')!]) {
        const ring = focusRing(node);
        expect(ring.style, node.getAttribute('part')!).to.equal('solid');
        expect(ring.width, node.getAttribute('part')!).to.be.at.least(2);
        expect(channels(ring.color)[3], 'an opaque colour').to.equal(1);
      }
    });
  }

  it('keeps the primary button visible with --wt-button-primary-background-color: garbage', async () => {
    const el = await showStep('start');
    el.style.setProperty('--wt-button-primary-background-color', 'garbage');
    el.style.setProperty('--wt-button-primary-color', '#fff fff');
    const style = getComputedStyle(primary(el));
    expect(style.backgroundColor).to.equal(computed(await documentedDefault('--wt-button-primary-background-color')));
    expect(style.color).to.equal(computed(await documentedDefault('--wt-button-primary-color')));
    expect(contrast(style.color, style.backgroundColor)).to.be.at.least(4.5);
  });

  it('keeps the secondary button readable with invalid secondary colours, also when set on an ancestor', async () => {
    const el = await showStep('eherkenning-info');
    el.parentElement!.style.setProperty('--wt-button-secondary-color', 'blauw');
    el.parentElement!.style.setProperty('--wt-button-secondary-background-color', '12px');
    const style = getComputedStyle(shadow(el, '[part~="button-secondary"]')!);
    expect(style.color).to.equal(computed(await documentedDefault('--wt-button-secondary-color')));
    expect(style.backgroundColor).to.equal(computed(await documentedDefault('--wt-button-secondary-background-color')));
  });

  it('falls back to the documented default for every registered token', async () => {
    await showStep('start');
    const tokens = await documentedTokens();
    // A registered token has a value everywhere, its initial value, even where nobody set it.
    const root = getComputedStyle(document.documentElement);
    const registered = tokens.filter((token) => root.getPropertyValue(token.name) !== '');
    expect(registered.map((token) => token.name)).to.include('--wt-button-primary-hover-background-color');
    for (const token of registered)
      expect(root.getPropertyValue(token.name), token.name).to.equal(computed(token.default!));
  });

  it('still takes a valid colour token, from the element or from an ancestor', async () => {
    const el = await showStep('start');
    el.parentElement!.style.setProperty('--wt-button-primary-background-color', 'rgb(1, 2, 3)');
    expect(getComputedStyle(primary(el)).backgroundColor).to.equal('rgb(1, 2, 3)');
    el.style.setProperty('--wt-button-primary-background-color', 'rgb(4, 5, 6)');
    expect(getComputedStyle(primary(el)).backgroundColor).to.equal('rgb(4, 5, 6)');
  });
});
