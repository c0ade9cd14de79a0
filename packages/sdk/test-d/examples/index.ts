// The @example of src/index.ts, compiled by typecheck; test/examples.test.ts keeps the two the same.
import { createOnboardingFlow, type FlowState } from '@wij-techniek/onboarding-sdk';

const flow = createOnboardingFlow();
const render = (state: FlowState) => {
  switch (state.step) {
    case 'start':
      return state.actions.begin();
    case 'verified':
      return console.log(`Verified for ${state.organisation.name}`);
    default:
      return console.log(state.step, state.busy, state.error?.code);
  }
};
flow.subscribe(render);
render(await flow.restore());
