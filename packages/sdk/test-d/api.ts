// Type-level tests of the public API: compiled by `tsc -p packages/sdk/tsconfig.json` (npm run typecheck), never run.
// Every `@ts-expect-error` line must fail to compile; if it ever compiles, tsc reports the unused directive.
/* eslint-disable @typescript-eslint/no-unsafe-call -- the calls under @ts-expect-error are meant not to resolve */
import {
  OnboardingError,
  createOnboardingClient,
  transition,
  type Config,
  type ErrorCode,
  type FlowErrorEvent,
  type FlowEvent,
  type FlowFacts,
  type FlowRedirectEvent,
  type FlowState,
  type FlowStateData,
  type FlowStepChangeEvent,
  type OnboardingFlow,
  type PasswordVerdict,
  type Session,
  type StateOf,
  type StepId,
} from '@wij-techniek/onboarding-sdk';
import { createOrganisationClient, type Member } from '@wij-techniek/onboarding-sdk/organisation';

declare const flow: OnboardingFlow;
declare const state: FlowState;
declare const serverEvent: Extract<FlowEvent, { type: 'server' }>;
const NO_FLOW_FACTS: FlowFacts = { account: null, memberships: [], flow: null };

// A UI renders with an exhaustive switch; a step missing from the union would make `never` fail here.
export function render(s: FlowState): string {
  switch (s.step) {
    case 'start':
      s.actions.begin();
      return 'start';
    case 'eherkenning-info':
      s.actions.next();
      return 'info';
    case 'account':
      void s.actions.signIn({ email: 'a@b.nl', password: 'x' });
      return s.email ?? '';
    case 'email':
    case 'password-email':
      void s.actions.submit('a@b.nl');
      return 'email';
    case 'code':
    case 'password-code': {
      const left: number = s.attemptsLeft;
      const at: number = s.resendAvailableAt;
      return `${s.email} ${left} ${at} ${s.codeLength}`;
    }
    case 'details': {
      const verdict: PasswordVerdict = s.actions.checkPassword('x', { firstName: 'Jan' });
      return `${verdict.valid} ${s.policy.minLength}`;
    }
    case 'supplier':
      return s.suppliers.map((supplier) => supplier.name).join() + s.account.email;
    case 'verified':
      return s.organisation.name + s.rights.join();
    case 'password-new':
      return String(s.actions.checkPassword('x').valid);
    case 'invitation':
      return s.invitation.organisation.name;
    default: {
      const exhaustive: never = s;
      return exhaustive;
    }
  }
}

// A wrong action on a step does not compile.
if (state.step === 'start') {
  // @ts-expect-error `start` has no submit
  void state.actions.submit('a@b.nl');
}
if (state.step === 'email') {
  // @ts-expect-error submit takes the address as a string
  void state.actions.submit({ email: 'a@b.nl' });
  // @ts-expect-error choosing a supplier belongs to the supplier step
  void state.actions.choose('kpn');
}
if (state.step === 'code') {
  // @ts-expect-error the code step cannot create an account
  void state.actions.createAccount();
}
if (state.step === 'details') {
  // @ts-expect-error the repeated password is required
  void state.actions.submit({ password: 'x', firstName: 'Jan', lastName: 'Jansen' });
}
if (state.step === 'verified') {
  // @ts-expect-error a verified account does not choose a supplier again
  void state.actions.choose('kpn');
  // @ts-expect-error the verified step has no suppliers
  void state.suppliers;
}
// The same address again within the resend countdown: the code state says no mail went out (F4). How the flow tells
// is its own business: the e-mail state carries the address typed, nothing of the running flow.
if (state.step === 'code' || state.step === 'password-code') {
  const sent: boolean = state.alreadySent;
  void sent;
}
if (state.step === 'email' || state.step === 'password-email') {
  const typed: string | undefined = state.email;
  void typed;
  // @ts-expect-error the flow the step was left with is no state field (it rides on the transition's server event)
  void state.runningFlow;
}
// The pure transition gets the flow known before the server's answer with the `server` event.
export const kept: FlowStateData = transition(
  { step: 'email', busy: true },
  { type: 'server', step: 'code', facts: NO_FLOW_FACTS, fallback: 'email', previousFlow: null },
);
// @ts-expect-error the flow before is a FlowInfo, not an address
transition({ step: 'email', busy: true }, { ...serverEvent, previousFlow: 'jan@bedrijf.nl' });

// Every state may say when its session ends; the steps with a server session can extend it (WCAG 2.2.1).
export const endsAt: number | undefined = state.sessionEndsAt;
export const extendable: boolean | undefined = state.sessionExtendable;
if (state.step === 'supplier' || state.step === 'verified' || state.step === 'code' || state.step === 'details') {
  void state.actions.stayActive();
}
if (state.step === 'start' || state.step === 'account' || state.step === 'email') {
  // @ts-expect-error before a server-side flow there is no session to keep
  void state.actions.stayActive();
}
// @ts-expect-error actions are unknown until the step is narrowed
state.actions.begin();
// @ts-expect-error states are read-only
state.busy = true;
// @ts-expect-error not a step of the contract
export const wrongStep: StepId = 'done';

// StateOf picks one member of the union.
export const supplierActions = (s: StateOf<'supplier'>): Promise<void> => s.actions.choose('kpn');

// Typed events: the listener gets the event class of its type.
flow.addEventListener('stepchange', (event) => {
  const step: StepId = event.step;
  const previous: StepId = event.previousStep;
  void step;
  void previous;
});
flow.addEventListener('redirect', (event: FlowRedirectEvent) => event.preventDefault());
flow.addEventListener('error', (event: FlowErrorEvent) => {
  const code: ErrorCode = event.error.code;
  void code;
});
// @ts-expect-error a stepchange listener does not get a redirect event
flow.addEventListener('stepchange', (event: FlowRedirectEvent) => event.redirectUrl);
flow.addEventListener('stepchange', (event: FlowStepChangeEvent) => event.step);
const unsubscribe: () => void = flow.subscribe((next, previous) => void [next.step, previous.step]);
unsubscribe();
export const config: Config | undefined = flow.config;
flow.setLanguage('en');
// @ts-expect-error only nl and en
flow.setLanguage('de');
export const restored: Promise<FlowState> = flow.restore(new AbortController().signal);

// The client: typed bodies and answers.
const client = createOnboardingClient({ apiBase: 'https://www.wij-techniek.nl/api/v1', timeoutMs: 5000 });
export const session: Promise<Session> = client.session({ signal: AbortSignal.timeout(1000) });
// @ts-expect-error signupEmail needs an address
void client.signupEmail({ lang: 'nl' });
// @ts-expect-error only the contract's languages
void client.signupEmail({ email: 'a@b.nl', lang: 'de' });
// @ts-expect-error organisation management is not part of the main entry's client
void client.members('org');
const organisationClient = createOrganisationClient({ apiBase: 'https://www.wij-techniek.nl/api/v1' });
export const members: Promise<{ members: Member[] }> = organisationClient.members('org');
export const sessionToo: Promise<Session> = organisationClient.session();
// @ts-expect-error rights are the contract's rights
void organisationClient.updateMember('org', 'member', { rights: ['everything'] });
// @ts-expect-error the member's id comes before the body
void organisationClient.updateMember('org', { rights: ['administer'] });
// @ts-expect-error logout takes no body
void client.logout({ everywhere: true });
// @ts-expect-error there is no endpoint for the callback: the browser follows it
void client.eherkenningCallback();

// Errors carry a contract code.
const error = new OnboardingError('code_invalid', 'wrong code', { attemptsLeft: 2 });
export const left: number | undefined = error.attemptsLeft;
// @ts-expect-error codes are the contract's closed list
export const unknownCode = new OnboardingError('oops');
