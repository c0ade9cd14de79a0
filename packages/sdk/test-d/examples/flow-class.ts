// The @example of src/flow/flow.ts, compiled by typecheck; test/examples.test.ts keeps the two the same.
import { createOnboardingFlow } from '@wij-techniek/onboarding-sdk';

const flow = createOnboardingFlow({ apiBase: '/api/v1', lang: 'nl' });
flow.addEventListener('stepchange', (event) => console.log(`${event.previousStep} → ${event.step}`));
const state = await flow.restore();
if (state.step === 'start') state.actions.begin();
