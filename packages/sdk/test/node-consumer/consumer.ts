// A Node-only consumer of the SDK: compiled by node-types.test.ts with `lib: ["es2022"]`, `types: ["node"]` and
// `skipLibCheck: false`, against the SDK's emitted .d.ts. It names every option and method whose type could pull
// in the DOM library (storage, history, location, event listeners and their options), so one of them needing
// `lib: dom` fails the test.
import {
  OnboardingError,
  createOnboardingClient,
  createOnboardingFlow,
  type FlowState,
  type StepStorage,
} from '@wij-techniek/onboarding-sdk';
import { createOrganisationMembers } from '@wij-techniek/onboarding-sdk/organisation';

const memory = new Map<string, string>();
const storage: StepStorage = {
  getItem: (key) => memory.get(key) ?? null,
  setItem: (key, value) => void memory.set(key, value),
  removeItem: (key) => void memory.delete(key),
};
const client = createOnboardingClient({ apiBase: 'http://127.0.0.1:8080/api/v1', fetch, timeoutMs: 5000 });
const flow = createOnboardingFlow({
  client,
  storage,
  location: { href: 'http://127.0.0.1:8080/account' },
  history: { replaceState: (_data, _unused, url) => console.log(String(url)) },
  navigate: (url) => console.log(url),
});
const controller = new AbortController();
flow.addEventListener('stepchange', (event) => console.log(event.step), { once: true, signal: controller.signal });
flow.addEventListener('error', { handleEvent: (event) => console.log(event.error.code) }, true);
flow.addEventListener('custom', (event: Event) => console.log(event.type), { passive: true });
flow.removeEventListener('custom', null, { capture: true });
flow.subscribe((state: FlowState) => console.log(state.step, state.error instanceof OnboardingError));

const people = createOrganisationMembers({ client: undefined, apiBase: 'http://127.0.0.1:8080/api/v1' });
people.addEventListener('invited', (event) => console.log(event.type), { once: true });
people.removeEventListener('invited', null, false);

export const done: Promise<unknown> = Promise.all([flow.restore(controller.signal), people.load()]);
