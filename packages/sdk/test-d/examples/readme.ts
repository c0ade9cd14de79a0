// The example of packages/sdk/README.md, compiled by typecheck; test/examples.test.ts keeps the two the same.
import { createOnboardingFlow } from '@wij-techniek/onboarding-sdk';

const flow = createOnboardingFlow({ apiBase: '/api/v1', lang: 'nl' });
flow.subscribe((state) => console.log(state.step, state.busy, state.error?.code)); // render; translate the code
const state = await flow.restore(); // the step the server reports, also after a reload or eHerkenning
if (state.step === 'start') state.actions.begin(); // each state offers only the actions of its step
if (flow.state.step === 'eherkenning-info') flow.state.actions.next();
if (flow.state.step === 'account') flow.state.actions.createAccount();
if (flow.state.step === 'email') await flow.state.actions.submit('jan@bedrijf.nl'); // on to the code step
