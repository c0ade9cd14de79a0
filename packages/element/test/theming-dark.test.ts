// docs/designers.md's dark-mode example, as a designer would paste it: with the page in dark mode every text the
// element shows meets WCAG 1.4.3 (4.5:1, 3:1 for large text), input borders and the checklist's icons 1.4.11
// (3:1), and native controls follow the colour scheme; in light mode the defaults stay.
import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { WtOnboarding } from '../src/onboarding.js';
import { EXISTING_EMAIL } from './support/api.js';
import { shadow, shadowAll, showStep, submitForm, type } from './support/fixture.js';
import { backgroundBehind, contrast, pageCss, removePageCss } from './support/page-css.js';

/** The first css code block of the guide's `## title` section. */
async function guideExample(title: string): Promise<string> {
  const guide = await (await fetch('/docs/designers.md')).text();
  const section = guide.split(/^## /mu).find((part) => part.startsWith(`${title}\n`));
  const block = section?.match(/```css\n([^]*?)```/u)?.[1];
  if (!block) throw new Error(`docs/designers.md has no css example under "## ${title}"`);
  return block;
}

/** The guide's dark-mode example. */
const darkModeExample = () => guideExample('Dark mode');

/** Is `node` shown (not the visually hidden live regions)? */
const shown = (node: Element) => node.getBoundingClientRect().width > 1 && node.checkVisibility();

/** Every contrast below what WCAG 2.2 AA asks, described; empty when all pass. */
function contrastFailures(el: WtOnboarding): string[] {
  const failures: string[] = [];
  const check = (what: string, node: Element, color: string, minimum: number) => {
    const ratio = contrast(color, backgroundBehind(node));
    if (ratio < minimum) failures.push(`${what}: ${ratio.toFixed(2)} < ${minimum}`);
  };
  for (const node of shadowAll(el, '*')) {
    if (!shown(node)) continue;
    const style = getComputedStyle(node);
    const ownText = [...node.childNodes].some(
      (child) => child.nodeType === Node.TEXT_NODE && child.textContent!.trim(),
    );
    const large = parseFloat(style.fontSize) >= 24 || (parseFloat(style.fontSize) >= 18.66 && +style.fontWeight >= 700);
    const disabled = node.getAttribute('aria-disabled') === 'true'; // WCAG 1.4.3 exempts inactive controls.
    if (ownText && !disabled)
      check(`text of <${node.localName} part="${node.getAttribute('part')}">`, node, style.color, large ? 3 : 4.5);
    if (node.matches('input, select')) {
      check(`value of ${node.getAttribute('name')}`, node, style.color, 4.5);
      check(`border of ${node.getAttribute('name')}`, node.parentElement!, style.borderTopColor, 3);
    }
    if (node.matches('[part~="checklist-item"]'))
      check('checklist icon', node, getComputedStyle(node, '::before').color, 3);
  }
  return failures;
}

/** The element on each step a visitor sees, in the state with the most to see. */
async function* everyStep(): AsyncGenerator<[string, WtOnboarding]> {
  yield ['start', await showStep('start')];
  yield ['eherkenning-info', await showStep('eherkenning-info')];
  const account = await showStep('account');
  type(account, 'email', EXISTING_EMAIL);
  type(account, 'password', 'niet-het-goede');
  submitForm(account, 'password');
  await waitUntil(() => shadow(account, '[role="alert"]')?.textContent?.trim(), 'no error shown');
  yield ['account with the error box', account];
  const email = await showStep('email');
  type(email, 'email', 'geen-adres');
  submitForm(email, 'email');
  await waitUntil(() => shadow(email, '[part~="error-message"]'), 'no field error shown');
  yield ['email with a field error', email];
  yield ['code', await showStep('code')];
  const details = await showStep('details');
  type(details, 'password', 'Zonnig');
  await details.updateComplete;
  yield ['details with the checklist', details];
  const supplier = await showStep('supplier');
  supplier.clock = () => supplier.flow!.state.sessionEndsAt! - 60_000;
  supplier.requestUpdate();
  await supplier.updateComplete;
  yield ['supplier with the session notice', supplier];
  yield ['verified', await showStep('verified')];
}

describe('<wt-onboarding> in dark mode, themed with the guide’s example', () => {
  before(() => emulateMedia({ reducedMotion: 'reduce' }));
  after(() => emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' }));
  afterEach(removePageCss);

  it('meets WCAG AA contrast on every step, and native controls are dark', async () => {
    pageCss(await darkModeExample());
    await emulateMedia({ colorScheme: 'dark' });
    for await (const [step, el] of everyStep()) {
      expect(getComputedStyle(shadow(el, '[part~="base"]')!).colorScheme, step).to.equal('dark');
      expect(contrastFailures(el), step).to.deep.equal([]);
    }
    const supplier = await showStep('supplier');
    expect(getComputedStyle(shadow(supplier, 'select')!).colorScheme).to.equal('dark');
  });

  it('meets WCAG AA in dark mode on top of the guide’s light Tokens example too (every colour reset)', async () => {
    pageCss(await guideExample('Tokens'));
    pageCss(await darkModeExample());
    await emulateMedia({ colorScheme: 'dark' });
    for await (const [step, el] of everyStep()) {
      expect(contrastFailures(el), step).to.deep.equal([]);
    }
  });

  it('keeps the light defaults, which meet WCAG AA too, when the page is light', async () => {
    pageCss(await darkModeExample());
    await emulateMedia({ colorScheme: 'light' });
    for await (const [step, el] of everyStep()) {
      const card = getComputedStyle(shadow(el, '[part~="base"]')!);
      expect([card.colorScheme, card.backgroundColor], step).to.deep.equal(['light', 'rgb(255, 255, 255)']);
      expect(contrastFailures(el), step).to.deep.equal([]);
    }
  });
});
