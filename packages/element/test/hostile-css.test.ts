// DESIGN.md: the element works on a page whose own CSS is hostile. The shadow root keeps the page's rules out;
// only inherited properties and the host box itself are reachable, and the element sets what it needs.
import { expect } from '@open-wc/testing';
import { shadow, shadowAll, showStep } from './support/fixture.js';

const HOSTILE = `
  * { all: unset; }
  html, body { font-size: 2px !important; color: #ff0 !important; background: #ff0 !important; }
  input, select { display: none !important; }
  button { font-size: 2px !important; visibility: hidden !important; }
  form { display: none !important; }
  :root { --color: red; --button-min-block-size: 2px; --min-block-size: 2px; }
`;

describe('<wt-onboarding> on a page with hostile CSS', () => {
  let style: HTMLStyleElement | undefined;
  afterEach(() => style?.remove());

  it('keeps its forms, inputs and buttons usable', async () => {
    style = document.createElement('style');
    style.textContent = HOSTILE;
    document.head.append(style);
    const el = await showStep('details');
    const form = shadow(el, 'form')!;
    expect(getComputedStyle(form).display).to.not.equal('none');
    for (const input of shadowAll<HTMLInputElement>(el, 'input:not([hidden])')) {
      expect(getComputedStyle(input).display, input.name).to.not.equal('none');
      expect(input.getBoundingClientRect().height, input.name).to.be.at.least(44);
    }
    const submit = shadow(el, 'button[type="submit"]')!;
    expect(getComputedStyle(submit).visibility).to.equal('visible');
    expect(submit.getBoundingClientRect().height).to.be.at.least(44);
  });

  it('ignores unprefixed page variables, and a token of the page reaches it only by name', async () => {
    style = document.createElement('style');
    style.textContent = ':root { --color: rgb(255, 0, 0); --button-background-color: rgb(255, 0, 0); }';
    document.head.append(style);
    const el = await showStep('start');
    const primary = shadow(el, '[part~="button-primary"]')!;
    expect(getComputedStyle(primary).backgroundColor).to.not.equal('rgb(255, 0, 0)');
    expect(getComputedStyle(shadow(el, '#wt-heading')!).color).to.not.equal('rgb(255, 0, 0)');
  });
});
