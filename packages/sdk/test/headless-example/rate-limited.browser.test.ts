// examples/headless-sdk in Chromium: a refused sign-in says how long to wait, in words, when the answer carries the
// wait (a rate limit's wait can reach an hour: "wait a moment" would send people back too early, SECURITY.md R2).
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { problem, session as anonymous } from '../fixtures.js';
import { examplePage, until } from './page.js';

const session = anonymous();
/** The `Retry-After` of the next refusal, or none. */
let retryAfter: string | undefined;

const status = () => document.querySelector<HTMLElement>('#status')!.textContent ?? '';
const field = (name: string) => document.querySelector<HTMLInputElement>(`#app input[name="${name}"]`);
const button = (label: string) =>
  [...document.querySelectorAll<HTMLButtonElement>('#app button')].find((each) => each.textContent === label);

function signIn(): void {
  field('email')!.value = 'piet@bedrijf.nl';
  field('password')!.value = 'Zonnepaneel#2026!x';
  field('email')!.form!.requestSubmit();
}

describe('examples/headless-sdk: rate_limited (R2)', () => {
  before(async () => {
    await examplePage(
      http.get('/api/v1/session', () => HttpResponse.json(session)),
      http.post('/api/v1/login', () => problem('rate_limited', {}, retryAfter ? { 'Retry-After': retryAfter } : {})),
    );
    await import('../../../../examples/headless-sdk/main.ts');
    await until(() => button('Start hier') !== undefined, 'the start step');
    button('Start hier')!.click();
    await until(() => button('Login eHerkenning') !== undefined, 'the eHerkenning step');
    button('Login eHerkenning')!.click();
    await until(() => field('password') !== null, 'the sign-in step');
  });

  for (const [seconds, words] of [
    ['30', 'over een minuut'],
    ['300', 'over 5 minuten'],
    ['3600', 'over een uur'],
    ['3601', 'over 2 uur'],
  ] as const) {
    it(`Retry-After ${seconds}: "Probeer het ${words} opnieuw."`, async () => {
      retryAfter = seconds;
      signIn();
      await until(() => status().includes(words), `"${words}"`);
      expect(status()).to.equal(`Je hebt het te vaak kort na elkaar geprobeerd. Probeer het ${words} opnieuw.`);
    });
  }

  it('no wait in the answer: the general text', async () => {
    retryAfter = undefined;
    signIn();
    await until(() => status().includes('Wacht even'), 'the general text');
    expect(status()).to.equal('Te veel pogingen. Wacht even en probeer het daarna opnieuw.');
  });
});
