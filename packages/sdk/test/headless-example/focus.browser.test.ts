// examples/headless-sdk in Chromium: focus keeps the person's place as the element's does (WCAG 2.4.3). A new step
// is drawn from scratch, so focus would fall to <body>: it goes to the step's heading (tabindex=-1), where a keyboard
// user goes on from the top of the step and a screen reader reads the new step. A page load leaves focus alone; a
// wrong code puts it on the code field (WCAG 3.3.1), and a redraw of the same step keeps it on its control.
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { flowInfo, problem, session } from '../fixtures.js';
import { examplePage, until } from './page.js';

const flow = flowInfo({
  resendAvailableAt: new Date(Date.now() + 60_000).toISOString(),
  expiresAt: new Date(Date.now() + 30 * 60_000).toISOString(),
});

const status = () => document.querySelector<HTMLElement>('#status')!.textContent ?? '';
const heading = () => document.querySelector<HTMLElement>('#app h2');
const field = (name: string) => document.querySelector<HTMLInputElement>(`#app input[name="${name}"]`);
const button = (label: string) =>
  [...document.querySelectorAll<HTMLButtonElement>('#app button')].find((each) => each.textContent === label);

/** Presses a button as a keyboard user does: focus on it, then activate it. */
function press(label: string): void {
  const target = button(label)!;
  target.focus();
  target.click();
}

/** What has focus, in words: its tag and its text or name (a DOM node in a failed assertion stalls the runner). */
function focused(): string {
  const element = document.activeElement;
  if (!element || element === document.body) return 'body';
  return `${element.tagName.toLowerCase()} ${element.getAttribute('name') ?? element.textContent}`;
}

/** Waits for the step titled `title`, and says what has focus then. */
async function focusOnStep(title: string): Promise<string> {
  await until(() => heading()?.textContent === title && document.querySelector('#app')!.ariaBusy === 'false', title);
  return focused();
}

describe('examples/headless-sdk: focus', () => {
  before(async () => {
    await examplePage(
      http.get('/api/v1/session', () => HttpResponse.json(session())),
      http.post('/api/v1/signup/email', () => HttpResponse.json({ step: 'code', flow }, { status: 202 })),
      http.post('/api/v1/signup/code', () => problem('code_invalid', { attemptsLeft: 4 })),
      http.post('/api/v1/signup/code/resend', () => problem('resend_too_soon')),
    );
    await import('../../../../examples/headless-sdk/main.ts');
  });

  it('leaves focus where the browser put it on a page load: the person did not ask for a step yet', async () => {
    expect(await focusOnStep('Account aanmaken en met eHerkenning verificatie inloggen')).to.equal('body');
  });

  for (const [label, title] of [
    ['Start hier', 'Inloggen met eHerkenning'],
    ['Login eHerkenning', 'Jouw Wij Techniek-account'],
    ['Maak een account aan', 'Vul je e-mailadres in'],
  ] as const) {
    it(`"${label}": focus on the heading "${title}", not on <body>`, async () => {
      press(label);
      expect(await focusOnStep(title)).to.equal(`h2 ${title}`);
      expect(heading()!.tabIndex).to.equal(-1);
    });
  }

  it('a submitted form: focus on the next step’s heading', async () => {
    field('email')!.value = 'jan@bedrijf.nl';
    button('Verificatiecode verzenden')!.focus();
    field('email')!.form!.requestSubmit();
    expect(await focusOnStep('Vul de verificatiecode in')).to.equal('h2 Vul de verificatiecode in');
  });

  it('a wrong code: focus on the code field, marked invalid (WCAG 3.3.1)', async () => {
    field('code')!.value = '123456';
    button('Volgende')!.focus();
    field('code')!.form!.requestSubmit();
    await until(() => field('code')?.getAttribute('aria-invalid') === 'true', 'the code marked');
    expect(focused()).to.equal('input code');
  });

  it('a redraw of the same step (a new code asked for too soon): focus stays on the button pressed', async () => {
    const resend = () =>
      [...document.querySelectorAll<HTMLButtonElement>('#app button')].find((each) =>
        each.textContent.startsWith('Nieuwe code'),
      );
    resend()!.focus();
    resend()!.click();
    await until(() => status().length > 0, 'the status');
    expect(focused()).to.equal(`button ${resend()!.textContent}`);
  });
});
