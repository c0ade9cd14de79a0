import type { Account, EherkenningOutcome, Organisation } from '@wij-techniek/onboarding-contract/lite';
import type { OnboardingError } from '../errors.js';
import type { FlowState } from './states.js';

/**
 * The events an {@link OnboardingFlow} dispatches. A UI mirrors them (the element as `wt-*` events); each is
 * dispatched only because the flow moved, never because a property was set.
 */
export interface FlowEventMap {
  /** The state changed (any field, including `busy` and `error`). */
  change: FlowChangeEvent;
  /** The step changed. */
  stepchange: FlowStepChangeEvent;
  /** A new account was created (sign-up or accepted invitation). */
  accountcreated: FlowAccountEvent;
  /** The person signed in with an existing account (or after a password reset). */
  signedin: FlowAccountEvent;
  /**
   * The person signed out (`signOut()`, once the server ended the session). A session that ends by itself is no
   * sign-out: that is the `error` event with `session_expired`.
   */
  signedout: FlowSignedOutEvent;
  /** The server confirmed the eHerkenning verification. */
  verified: FlowVerifiedEvent;
  /** An intent failed; `state.error` holds the same error. */
  error: FlowErrorEvent;
  /** The flow is about to send the browser to eHerkenning; cancel it to navigate yourself. */
  redirect: FlowRedirectEvent;
}

/** The state changed. */
export class FlowChangeEvent extends Event {
  declare readonly state: FlowState;
  declare readonly previous: FlowState;
  constructor(state: FlowState, previous: FlowState) {
    super('change');
    this.state = state;
    this.previous = previous;
  }
}

/** The step changed. */
export class FlowStepChangeEvent extends Event {
  declare readonly step: FlowState['step'];
  declare readonly previousStep: FlowState['step'];
  constructor(step: FlowState['step'], previousStep: FlowState['step']) {
    super('stepchange');
    this.step = step;
    this.previousStep = previousStep;
  }
}

/** An account was created or signed in. */
export class FlowAccountEvent extends Event {
  declare readonly account: Account;
  constructor(type: 'accountcreated' | 'signedin', account: Account) {
    super(type);
    this.account = account;
  }
}

/** The person signed out: `account` is who that was, when the flow knew it. */
export class FlowSignedOutEvent extends Event {
  declare readonly account: Account | undefined;
  constructor(account: Account | undefined) {
    super('signedout');
    this.account = account;
  }
}

/** The organisation was verified through eHerkenning, as confirmed by the server. */
export class FlowVerifiedEvent extends Event {
  declare readonly organisation: Organisation;
  constructor(organisation: Organisation) {
    super('verified');
    this.organisation = organisation;
  }
}

/** An intent failed. */
export class FlowErrorEvent extends Event {
  declare readonly error: OnboardingError;
  declare readonly step: FlowState['step'];
  /** For eHerkenning outcomes that came back from the callback. */
  declare readonly outcome: EherkenningOutcome | undefined;
  constructor(error: OnboardingError, step: FlowState['step'], outcome?: EherkenningOutcome) {
    super('error');
    this.error = error;
    this.step = step;
    this.outcome = outcome;
  }
}

/** The browser is about to leave for eHerkenning. Cancelable: `preventDefault()` and navigate yourself. */
export class FlowRedirectEvent extends Event {
  declare readonly supplierId: string;
  declare readonly redirectUrl: string;
  constructor(supplierId: string, redirectUrl: string) {
    super('redirect', { cancelable: true });
    this.supplierId = supplierId;
    this.redirectUrl = redirectUrl;
  }
}
