// examples/headless-sdk in Chromium: a code the SDK refuses before sending (letters, too short) says beside the field
// what to fill in, not "wrong code": nothing was sent, so no attempt was counted (SECURITY.md C5). And the same
// address again within the resend countdown says the code already sent still works (F4).
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { Session } from '../../src/index.js';
import { flowInfo } from '../fixtures.js';
import { examplePage, shown, until } from './page.js';

const session: Session = {
  step: 'code',
  account: null,
  memberships: [],
  flow: flowInfo({
    resendAvailableAt: new Date(Date.now() + 60_000).toISOString(),
    expiresAt: new Date(Date.now() + 30 * 60_000).toISOString(),
  }),
  eherkenning: null,
  expiresAt: new Date(Date.now() + 30 * 60_000).toISOString(),
  extendable: true,
};
let tried = 0;

const code = () => document.querySelector<HTMLInputElement>('#app input[name="code"]')!;

describe('examples/headless-sdk: code', () => {
  before(async () => {
    await examplePage(
      http.get('/api/v1/session', () => HttpResponse.json(session)),
      http.post('/api/v1/signup/code', () => {
        tried++;
        return HttpResponse.json({ step: 'details' });
      }),
      // The same address within the countdown: the server answers with the flow it kept and sends no mail (F4).
      http.post('/api/v1/signup/email', () => HttpResponse.json({ step: 'code', flow: session.flow }, { status: 202 })),
    );
    await import('../../../../examples/headless-sdk/main.ts');
  });

  // An empty code never reaches the SDK here: the input is `required`, so the browser asks for it first.
  for (const [kind, typed] of [
    ['with letters', '12a456'],
    ['too short', '12345'],
  ] as const) {
    it(`a code ${kind}: "fill in the code" beside the field, no "wrong code", nothing sent (C5)`, async () => {
      await until(() => code() !== null, 'the code step');
      code().value = typed;
      code().form!.requestSubmit();
      await until(() => code().getAttribute('aria-invalid') === 'true', 'the code marked');
      const error = code().closest('label')!.querySelector('.field-error')?.textContent;
      expect(error).to.equal('Vul de verificatiecode uit je e-mail in.');
      expect(shown()).not.to.include('klopt niet');
      expect(shown()).to.include('Nog 5 pogingen');
      expect(tried).to.equal(0);
    });
  }

  it('the same address again within the countdown: the code already sent still works (F4)', async () => {
    await until(() => code() !== null, 'the code step');
    expect(shown()).not.to.include('net al');
    [...document.querySelectorAll<HTMLButtonElement>('#app button')]
      .find((b) => b.textContent === 'Ander e-mailadres')!
      .click();
    await until(() => document.querySelector('#app input[name="email"]') !== null, 'the e-mail step');
    const email = document.querySelector<HTMLInputElement>('#app input[name="email"]')!;
    expect(email.value).to.equal('jan@bedrijf.nl');
    email.form!.requestSubmit();
    await until(() => code() !== null, 'the code step again');
    expect(shown()).to.include('We hebben je net al een code gestuurd naar jan@bedrijf.nl. Die code blijft geldig.');
  });
});
