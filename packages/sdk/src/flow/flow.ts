import {
  EHERKENNING_OUTCOME_PARAM,
  LANGUAGES,
  checkPassword,
  type Config,
  type Language,
  type PasswordVerdict,
  type Session,
  type StepId,
} from '@wij-techniek/onboarding-contract';
import { createOnboardingClient, type OnboardingClient } from '../client.js';
import { CodedTypeError, OnboardingError } from '../errors.js';
import {
  FlowAccountEvent,
  FlowChangeEvent,
  FlowErrorEvent,
  FlowRedirectEvent,
  FlowStepChangeEvent,
  FlowVerifiedEvent,
  type FlowEventMap,
} from './events.js';
import { INVITATION_PARAM, defaultReturnTo, readLanding, without } from './location.js';
import type { AccountInput, Credentials, FlowState, NewPasswordInput } from './states.js';
import {
  NO_FACTS,
  enter,
  isLocalStep,
  transition,
  type FlowEvent,
  type FlowFacts,
  type FlowStateData,
  type LocalStepId,
} from './transition.js';

/** The storage key of the step before a server-side flow exists. Only a step id is kept there, nothing else. */
export const STEP_STORAGE_KEY = 'wt-onboarding-step';

/** The part of `Storage` the flow uses. */
export type StepStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Options of {@link createOnboardingFlow}. Everything has a browser default; inject them in tests and in Node. */
export interface OnboardingFlowOptions {
  /** The API client (default: `createOnboardingClient({ apiBase })`). */
  readonly client?: OnboardingClient | undefined;
  /** The API prefix when no `client` is given (default `/api/v1`). */
  readonly apiBase?: string | undefined;
  /** The language of the e-mails the server sends (default `nl`). */
  readonly lang?: Language | undefined;
  /** Where eHerkenning sends the person back to (default: this page without the flow's query parameters). */
  readonly returnTo?: string | undefined;
  /** Where the step before a server-side flow is kept (default `sessionStorage`; `null`: nowhere). */
  readonly storage?: StepStorage | null | undefined;
  /** The page's address (default `location`). */
  readonly location?: { readonly href: string } | undefined;
  /** Used to remove the callback's parameter from the address bar (default `history`). */
  readonly history?: Pick<History, 'replaceState'> | undefined;
  /** Sends the browser to eHerkenning (default `location.assign`). */
  readonly navigate?: ((url: string) => void) | undefined;
  /** The time in ms since the epoch (default `Date.now`), for the resend countdown. */
  readonly clock?: (() => number) | undefined;
}

/** A listener of {@link OnboardingFlow.subscribe}. */
export type FlowListener = (state: FlowState, previous: FlowState) => void;

type FlowEventListener<K extends keyof FlowEventMap> =
  ((this: OnboardingFlow, event: FlowEventMap[K]) => unknown) | { handleEvent(event: FlowEventMap[K]): unknown };

// Typed overloads of EventTarget's methods (declaration merging; no runtime code).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface OnboardingFlow {
  addEventListener<K extends keyof FlowEventMap>(
    type: K,
    listener: FlowEventListener<K> | null,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof FlowEventMap>(
    type: K,
    listener: FlowEventListener<K> | null,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ): void;
}

/**
 * The onboarding as a state machine that any UI can render: `state` is one of the closed {@link FlowState}
 * union, each with `busy`, `error`, `fieldErrors` and only the actions its step allows.
 *
 * - The server owns the step from `POST /signup/email` on; the flow mirrors `step` from every answer and from
 *   `GET /session` and never contradicts it. Before that, only the step id is kept in `sessionStorage`.
 * - Each action is one intent: it marks the state `busy`, aborts the request of the previous intent and drops
 *   answers that arrive after a newer intent started (like Lit's `Task`).
 * - Failures a person can meet become `state.error` / `state.fieldErrors` and an `error` event; actions never
 *   reject because of them. Misuse throws: a wrong argument type (`TypeError`, `ERR_INVALID_ARG_TYPE`), or an
 *   action of a step the flow has left (`OnboardingError('invalid_transition')`).
 *
 * Works in browsers and in Node 20 (no `document`).
 *
 * @example
 * ```ts
 * import { createOnboardingFlow } from '@wij-techniek/onboarding-sdk';
 *
 * const flow = createOnboardingFlow({ apiBase: '/api/v1', lang: 'nl' });
 * flow.addEventListener('stepchange', (event) => console.log(`${event.previousStep} → ${event.step}`));
 * const state = await flow.restore();
 * if (state.step === 'start') state.actions.begin();
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- the interface above only types events
export class OnboardingFlow extends EventTarget {
  /** The client the flow talks through; use it for what the flow does not cover (organisation management). */
  readonly client: OnboardingClient;
  #state: FlowState;
  #facts: FlowFacts = NO_FACTS;
  #lang: Language;
  #epoch = 0;
  #callId = 0;
  #controller: AbortController | undefined;
  #invitationToken: string | undefined;
  readonly #listeners = new Set<FlowListener>();
  readonly #storage: StepStorage | null;
  readonly #location: { readonly href: string } | undefined;
  readonly #history: Pick<History, 'replaceState'> | undefined;
  readonly #navigate: (url: string) => void;
  readonly #clock: () => number;
  readonly #returnTo: string | undefined;

  constructor(options: OnboardingFlowOptions = {}) {
    super();
    if (typeof options !== 'object' || options === null) throw new CodedTypeError('options must be an object');
    const globals = globalThis as {
      location?: { href: string; assign?(url: string): void };
      history?: Pick<History, 'replaceState'>;
      sessionStorage?: StepStorage;
    };
    this.client = options.client ?? createOnboardingClient({ apiBase: options.apiBase });
    this.#lang = checkLanguage(options.lang ?? 'nl');
    this.#location = options.location ?? globals.location;
    this.#history = options.history ?? globals.history;
    this.#storage = options.storage === undefined ? defaultStorage(globals) : options.storage;
    this.#navigate = options.navigate ?? ((url) => globals.location?.assign?.(url));
    this.#clock = options.clock ?? Date.now;
    this.#returnTo = options.returnTo;
    this.#state = this.#withActions(enter(this.#storedStep() ?? 'start', this.#facts));
  }

  /** The current state. Render it; call only its `actions`. */
  get state(): FlowState {
    return this.#state;
  }

  /** The server's configuration, once {@link OnboardingFlow.restore} loaded it. */
  get config(): Config | undefined {
    return this.#facts.config;
  }

  /** The language of the e-mails the server sends. */
  get lang(): Language {
    return this.#lang;
  }

  /** Sets the language of the e-mails the server sends from now on. */
  setLanguage(lang: Language): void {
    this.#lang = checkLanguage(lang);
  }

  /**
   * Calls `listener` with the new and the previous state after every change; returns the function that stops it.
   * The same as listening to `change`, without the event object.
   */
  subscribe(listener: FlowListener): () => void {
    if (typeof listener !== 'function') throw new CodedTypeError('listener must be a function');
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Finds where the person is: loads `GET /config` and `GET /session`, reads the eHerkenning callback's
   * `wt-eherkenning` parameter (removing it from the address bar) and an invitation link's `wt-invitation`
   * token, and shows the step the server reports, or the step stored before a server-side flow existed.
   * The callback's parameter alone grants nothing: `verified` only when the session shows a membership.
   *
   * Resolves with the new state (a failure is in `state.error`); rejects only when `signal` aborts it.
   */
  async restore(signal?: AbortSignal): Promise<FlowState> {
    if (signal !== undefined && !(signal instanceof AbortSignal)) {
      throw new CodedTypeError('signal must be an AbortSignal');
    }
    const href = this.#location?.href;
    const landing = readLanding(href);
    const clean = without(href, EHERKENNING_OUTCOME_PARAM);
    if (clean !== undefined) this.#history?.replaceState(null, '', clean);
    const { id, controller } = this.#begin();
    const forward = () => controller.abort(signal?.reason);
    if (signal?.aborted) forward();
    signal?.addEventListener('abort', forward, { once: true });
    this.#apply({ type: 'busy' });
    const previous = this.#state;
    try {
      const options = { signal: controller.signal };
      const [config, session] = await Promise.all([this.client.config(options), this.client.session(options)]);
      let facts: FlowFacts = { ...sessionFacts(this.#facts, session), config };
      let lookupError: OnboardingError | undefined;
      this.#invitationToken = landing.invitationToken;
      if (landing.invitationToken !== undefined) {
        try {
          facts = {
            ...facts,
            invitation: await this.client.lookupInvitation({ token: landing.invitationToken }, options),
          };
        } catch (error) {
          lookupError = asFailure(error, controller.signal);
          this.#forgetInvitation();
        }
      }
      if (id !== this.#callId) return this.#state;
      this.#facts = facts;
      // The server's record of the round trip wins over the parameter anyone can put in an address.
      const outcome = landing.outcome && (session.eherkenning?.outcome ?? landing.outcome);
      this.#apply({
        type: 'server',
        step: session.step,
        facts,
        fallback: this.#storedStep() ?? 'start',
        error: lookupError,
        outcome,
      });
      const state = this.#state;
      if (state.step === 'verified' && outcome === 'verified') {
        this.dispatchEvent(new FlowVerifiedEvent(state.organisation));
      }
      if (state.error && state.error !== previous.error) {
        this.dispatchEvent(new FlowErrorEvent(state.error, state.step, outcome));
      }
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (id === this.#callId) this.#fail(asFailure(error, controller.signal), this.#state.step);
    } finally {
      signal?.removeEventListener('abort', forward);
      if (id === this.#callId) this.#controller = undefined;
    }
    return this.#state;
  }

  // ── effects ──────────────────────────────────────────────────────────────────────────────────────────────────

  /** Starts an intent: aborts the previous one and makes its answers stale. */
  #begin(): { id: number; controller: AbortController } {
    this.#controller?.abort(new OnboardingError('invalid_transition', 'A newer intent replaced this request.'));
    const controller = new AbortController();
    this.#controller = controller;
    return { id: ++this.#callId, controller };
  }

  /** Runs one intent; its outcome is applied only while it is the latest (Lit Task's call id). */
  async #run<T>(
    work: (signal: AbortSignal) => Promise<T>,
    done: (result: T, signal: AbortSignal) => void | Promise<void>,
  ): Promise<void> {
    const step = this.#state.step;
    const { id, controller } = this.#begin();
    this.#apply({ type: 'busy' });
    try {
      const result = await work(controller.signal);
      if (id !== this.#callId) return;
      await done(result, controller.signal);
    } catch (error) {
      if (id !== this.#callId) return;
      const failure = asFailure(error, controller.signal);
      if (failure.step !== undefined && failure.step !== step) {
        // The server says the flow is elsewhere: ask it where, so the state shows that step completely.
        try {
          const session = await this.client.session({ signal: controller.signal });
          if (id !== this.#callId) return;
          this.#facts = sessionFacts(this.#facts, session);
        } catch {
          // The failure itself is what the person needs to see; the step follows on the next restore.
        }
      }
      if (id === this.#callId) this.#fail(failure, step);
    } finally {
      if (id === this.#callId) this.#controller = undefined;
    }
  }

  /** Moves to a step the client owns; any request under way becomes stale. */
  #go(step: LocalStepId): void {
    this.#controller?.abort();
    this.#controller = undefined;
    this.#callId++;
    this.#apply({ type: 'enter', step, facts: this.#facts });
  }

  /** Shows what the server answered. */
  #server(step: Session['step']): void {
    this.#apply({ type: 'server', step, facts: this.#facts, fallback: this.#storedStep() ?? 'start' });
  }

  #fail(error: OnboardingError, step: StepId): void {
    if (error.code === 'not_signed_in' || error.code === 'session_expired') {
      this.#facts = { ...this.#facts, account: null, memberships: [] };
    }
    this.#apply({ type: 'failed', error, facts: this.#facts, now: this.#clock() });
    this.dispatchEvent(new FlowErrorEvent(error, step));
  }

  /** A failure decided before anything is sent (passwords differ, a policy rule broken). */
  #refuse(error: OnboardingError): Promise<void> {
    this.#controller?.abort();
    this.#callId++;
    this.#fail(error, this.#state.step);
    return Promise.resolve();
  }

  #apply(event: FlowEvent): void {
    const previous = this.#state;
    const data = transition(previous, event);
    if (data.step !== previous.step) this.#epoch++;
    const next = data.step === previous.step ? freeze({ ...data, actions: previous.actions }) : this.#withActions(data);
    this.#state = next as FlowState;
    this.#remember(next.step);
    this.dispatchEvent(new FlowChangeEvent(this.#state, previous));
    if (next.step !== previous.step) this.dispatchEvent(new FlowStepChangeEvent(next.step, previous.step));
    for (const listener of [...this.#listeners]) {
      try {
        listener(this.#state, previous);
      } catch (error) {
        // A listener's bug must not stop the flow or the other listeners; report it as EventTarget does.
        report(error);
      }
    }
  }

  // ── storage of the client-owned step ───────────────────────────────────────────────────────────────────────

  #storedStep(): LocalStepId | undefined {
    try {
      const value = this.#storage?.getItem(STEP_STORAGE_KEY);
      return isLocalStep(value) ? value : undefined;
    } catch {
      return undefined; // Storage can be switched off (private windows, cookie settings): the flow still works.
    }
  }

  #remember(step: StepId): void {
    try {
      if (isLocalStep(step)) this.#storage?.setItem(STEP_STORAGE_KEY, step);
      else this.#storage?.removeItem(STEP_STORAGE_KEY);
    } catch {
      // As above: without storage a reload starts at the beginning, nothing breaks.
    }
  }

  #forgetInvitation(): void {
    this.#invitationToken = undefined;
    this.#facts = { ...this.#facts, invitation: undefined };
    const clean = without(this.#location?.href, INVITATION_PARAM);
    if (clean !== undefined) this.#history?.replaceState(null, '', clean);
  }

  // ── actions per step ───────────────────────────────────────────────────────────────────────────────────────

  #withActions(data: FlowStateData): FlowState {
    const epoch = this.#epoch;
    const guard =
      <A extends unknown[], R>(name: string, action: (...args: A) => R) =>
      (...args: A): R => {
        if (epoch !== this.#epoch) {
          throw new OnboardingError(
            'invalid_transition',
            `${name} belongs to the "${data.step}" step, which the flow has left (it is on "${this.#state.step}").`,
          );
        }
        return action(...args);
      };
    return freeze({ ...data, actions: this.#actions(data, guard) } as FlowState);
  }

  #actions(
    data: FlowStateData,
    guard: <A extends unknown[], R>(name: string, action: (...args: A) => R) => (...args: A) => R,
  ): FlowState['actions'] {
    const go = (step: LocalStepId) => () => this.#go(step);
    const signOut = guard('signOut', () =>
      this.#run(
        (signal) => this.client.logout({ signal }),
        () => {
          this.#facts = { ...NO_FACTS, config: this.#facts.config };
          this.#apply({ type: 'enter', step: 'start', facts: this.#facts });
        },
      ),
    );
    const signIn = (credentials: Credentials) => {
      checkStrings('credentials', credentials, ['email', 'password']);
      return this.#run(
        (signal) => this.client.login({ email: credentials.email, password: credentials.password }, { signal }),
        (session) => this.#signedIn(session, 'signedin'),
      );
    };
    switch (data.step) {
      case 'start':
        return { begin: guard('begin', go('eherkenning-info')) };
      case 'eherkenning-info':
        return { next: guard('next', go('account')), back: guard('back', go('start')) };
      case 'account':
        return {
          createAccount: guard('createAccount', go('email')),
          signIn: guard('signIn', signIn),
          forgotPassword: guard('forgotPassword', go('password-email')),
          back: guard('back', go('eherkenning-info')),
        };
      case 'email':
      case 'password-email': {
        const signup = data.step === 'email';
        return {
          submit: guard('submit', (email: string) => {
            checkString('email', email);
            this.#facts = { ...this.#facts, email };
            return this.#run(
              (signal) => {
                const body = { email, lang: this.#lang };
                return signup
                  ? this.client.signupEmail(body, { signal })
                  : this.client.passwordForgot(body, { signal });
              },
              (answer) => {
                this.#facts = { ...this.#facts, flow: answer.flow };
                this.#server(answer.step);
              },
            );
          }),
          back: guard('back', go('account')),
        };
      }
      case 'code':
      case 'password-code': {
        const signup = data.step === 'code';
        return {
          submit: guard('submit', (code: string) => {
            checkString('code', code);
            return this.#run(
              (signal) =>
                signup ? this.client.signupCode({ code }, { signal }) : this.client.passwordCode({ code }, { signal }),
              (answer) => this.#server(answer.step),
            );
          }),
          resend: guard('resend', () =>
            this.#run(
              (signal) =>
                signup ? this.client.signupCodeResend({ signal }) : this.client.passwordCodeResend({ signal }),
              (answer) => {
                this.#facts = { ...this.#facts, flow: answer.flow };
                this.#server(answer.step);
              },
            ),
          ),
          changeEmail: guard('changeEmail', () => {
            this.#facts = { ...this.#facts, email: data.email };
            this.#go(signup ? 'email' : 'password-email');
          }),
        };
      }
      case 'details':
        return {
          submit: guard('submit', (input: AccountInput) => {
            const refused = this.#checkNewPassword(input, data.policy, [data.email, input.firstName, input.lastName]);
            if (refused) return this.#refuse(refused);
            const { password, firstName, lastName } = input;
            return this.#run(
              (signal) => this.client.signupAccount({ password, firstName, lastName }, { signal }),
              (session) => this.#signedIn(session, 'accountcreated'),
            );
          }),
          checkPassword: guard('checkPassword', (password: string, names?: { firstName?: string; lastName?: string }) =>
            verdict(password, data.policy, [data.email, names?.firstName, names?.lastName]),
          ),
        };
      case 'supplier':
        return {
          choose: guard('choose', (supplierId: string) => {
            checkString('supplierId', supplierId);
            const returnTo = this.#returnTo ?? defaultReturnTo(this.#location?.href) ?? '';
            return this.#run(
              (signal) => this.client.eherkenningStart({ supplierId, returnTo }, { signal }),
              ({ redirectUrl }) => {
                const event = new FlowRedirectEvent(supplierId, redirectUrl);
                if (this.dispatchEvent(event)) this.#navigate(redirectUrl);
                // Not busy any more: after a cancelled redirect, or when the page comes back from the back/forward cache.
                this.#apply({ type: 'idle' });
              },
            );
          }),
          signOut,
        };
      case 'verified':
        return { signOut };
      case 'password-new':
        return {
          submit: guard('submit', (input: NewPasswordInput) => {
            const refused = this.#checkNewPassword(input, data.policy, [data.email]);
            if (refused) return this.#refuse(refused);
            return this.#run(
              (signal) => this.client.passwordReset({ password: input.password }, { signal }),
              (session) => this.#signedIn(session, 'signedin'),
            );
          }),
          checkPassword: guard('checkPassword', (password: string) => verdict(password, data.policy, [data.email])),
        };
      case 'invitation': {
        const token = () => this.#invitationToken ?? '';
        return {
          accept: guard('accept', (input: AccountInput) => {
            const context = [data.invitation.email, input.firstName, input.lastName];
            const refused = this.#checkNewPassword(input, data.policy, context);
            if (refused) return this.#refuse(refused);
            const { password, firstName, lastName } = input;
            return this.#run(
              (signal) => this.client.acceptInvitation({ token: token(), password, firstName, lastName }, { signal }),
              (session) => this.#accepted(session, 'accountcreated'),
            );
          }),
          signInAndAccept: guard('signInAndAccept', (credentials: Credentials) => {
            checkStrings('credentials', credentials, ['email', 'password']);
            return this.#run(
              async (signal) => {
                await this.client.login({ email: credentials.email, password: credentials.password }, { signal });
                return this.client.acceptInvitation({ token: token() }, { signal });
              },
              (session) => this.#accepted(session, 'signedin'),
            );
          }),
          checkPassword: guard('checkPassword', (password: string, names?: { firstName?: string; lastName?: string }) =>
            verdict(password, data.policy, [data.invitation.email, names?.firstName, names?.lastName]),
          ),
        };
      }
    }
  }

  #checkNewPassword(
    input: AccountInput | NewPasswordInput,
    policy: Parameters<typeof checkPassword>[1],
    context: readonly (string | undefined)[],
  ): OnboardingError | undefined {
    const names = 'firstName' in input || 'lastName' in input ? (['firstName', 'lastName'] as const) : [];
    checkStrings('input', input, ['password', 'passwordRepeat', ...names]);
    if (input.password !== input.passwordRepeat) {
      return new OnboardingError(
        'passwords_differ',
        'The two passwords are not the same. Type the same password twice.',
      );
    }
    const { violations } = checkPassword(input.password, policy, { context });
    if (violations.length > 0) {
      return new OnboardingError('password_policy', `The password breaks: ${violations.join(', ')}.`, { violations });
    }
    return undefined;
  }

  #signedIn(session: Session, event: 'signedin' | 'accountcreated'): void {
    this.#facts = sessionFacts(this.#facts, session);
    this.#server(session.step);
    if (session.account) this.dispatchEvent(new FlowAccountEvent(event, session.account));
  }

  #accepted(session: Session, event: 'signedin' | 'accountcreated'): void {
    this.#forgetInvitation();
    this.#signedIn(session, event);
  }
}

/**
 * Creates the onboarding flow. Call {@link OnboardingFlow.restore} next: it finds the step to show.
 *
 * @example
 * ```ts
 * import { createOnboardingFlow } from '@wij-techniek/onboarding-sdk';
 *
 * const flow = createOnboardingFlow({ lang: 'en' });
 * flow.subscribe((state) => {
 *   if (state.step === 'code') console.log(`Code sent to ${state.email}; ${state.attemptsLeft} attempts left`);
 *   if (state.error) console.log(`Failed with ${state.error.code}`);
 * });
 * const state = await flow.restore();
 * if (state.step === 'email') await state.actions.submit('naam@bedrijf.nl');
 * ```
 */
export function createOnboardingFlow(options: OnboardingFlowOptions = {}): OnboardingFlow {
  return new OnboardingFlow(options);
}

function sessionFacts(facts: FlowFacts, session: Session): FlowFacts {
  return { ...facts, account: session.account, memberships: session.memberships, flow: session.flow };
}

function asFailure(error: unknown, signal: AbortSignal): OnboardingError {
  if (error instanceof OnboardingError) return error;
  if (signal.aborted) return new OnboardingError('invalid_transition', 'The request was aborted.', { cause: error });
  // Anything else is a bug between the client and the flow; the person sees a retryable failure, not a hang.
  return new OnboardingError('internal_error', 'Something went wrong in the page. Try again.', { cause: error });
}

function verdict(
  password: string,
  policy: Parameters<typeof checkPassword>[1],
  context: (string | undefined)[],
): PasswordVerdict {
  checkString('password', password);
  return checkPassword(password, policy, { context });
}

function report(error: unknown): void {
  const { reportError } = globalThis as { reportError?: (error: unknown) => void };
  if (typeof reportError === 'function') reportError(error);
  else
    queueMicrotask(() => {
      throw error;
    });
}

function freeze<T extends object>(value: T): T {
  return Object.freeze(value);
}

function checkLanguage(lang: unknown): Language {
  if (!(LANGUAGES as readonly unknown[]).includes(lang)) {
    throw new CodedTypeError(`lang must be one of ${LANGUAGES.join(', ')}`);
  }
  return lang as Language;
}

function checkString(name: string, value: unknown): void {
  if (typeof value !== 'string') throw new CodedTypeError(`${name} must be a string`);
}

function checkStrings(name: string, value: unknown, keys: readonly string[]): void {
  if (typeof value !== 'object' || value === null) throw new CodedTypeError(`${name} must be an object`);
  for (const key of keys) checkString(`${name}.${key}`, (value as Record<string, unknown>)[key]);
}

function defaultStorage(globals: { sessionStorage?: StepStorage }): StepStorage | null {
  try {
    return globals.sessionStorage ?? null;
  } catch {
    return null; // Reading sessionStorage throws where the browser blocks storage.
  }
}
