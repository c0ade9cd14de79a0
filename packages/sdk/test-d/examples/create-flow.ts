// The @example of src/flow/flow.ts, compiled by typecheck; test/examples.test.ts keeps the two the same.
import { createOnboardingFlow } from '@wij-techniek/onboarding-sdk';

const flow = createOnboardingFlow({ lang: 'en' });
flow.subscribe((state) => {
  if (state.step === 'code') console.log(`Code sent to ${state.email}; ${state.attemptsLeft} attempts left`);
  if (state.error) console.log(`Failed with ${state.error.code}`);
});
const state = await flow.restore();
if (state.step === 'email') await state.actions.submit('naam@bedrijf.nl');
