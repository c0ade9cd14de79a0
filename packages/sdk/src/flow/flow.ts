import {
  EHERKENNING_OUTCOME_PARAM,
  LANGUAGES,
  SIGN_IN_PARAM,
  checkPassword as verdictOf,
  type Config,
  type ErrorCode,
  type EherkenningOutcome,
  type InvitationPreview,
  type Language,
  type PasswordPolicy,
  type Session,
  type StepId,
} from '@wij-techniek/onboarding-contract/lite';
import { createOnboardingClient, type OnboardingClient, type RequestOptions } from '../client.js';
import type { Listener, ListenerOptions } from '../listener.js';
import { OnboardingError, must } from '../errors.js';
import {
  FlowAccountEvent,
  FlowChangeEvent,
  FlowErrorEvent,
  FlowRedirectEvent,
  FlowSignedOutEvent,
  FlowStepChangeEvent,
  FlowVerifiedEvent,
  type FlowEventMap,
} from './events.js';
import { INVITATION_PARAM, defaultReturnTo, readLanding, without } from './location.js';
import type {
  AccountInput,
  Credentials,
  FieldErrorCode,
  FieldErrors,
  FieldName,
  FlowNotice,
  FlowState,
  NewPasswordInput,
} from './states.js';
import {
  NO_FACTS,
  SESSION_ENDED,
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

/** The part of the DOM's `Storage` (`sessionStorage`) the flow uses; a `Map` wrapper will do in Node. */
export interface StepStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The part of the DOM's `History` the flow uses: `history.replaceState`. */
export interface StepHistory {
  replaceState(data: unknown, unused: string, url?: string | URL | null): void;
}

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
  readonly history?: StepHistory | undefined;
  /** Sends the browser to eHerkenning (default `location.assign`). */
  readonly navigate?: ((url: string) => void) | undefined;
  /** The time in ms since the epoch (default `Date.now`), for the resend countdown. */
  readonly clock?: (() => number) | undefined;
}

/** A listener of {@link OnboardingFlow.subscribe}. */
export type FlowListener = (state: FlowState, previous: FlowState) => void;

/** A listener of the flow's event `K`, as {@link OnboardingFlow.addEventListener} takes it: a function or an object. */
export type FlowEventListener<K extends keyof FlowEventMap> =
  ((this: OnboardingFlow, event: FlowEventMap[K]) => unknown) | { handleEvent(event: FlowEventMap[K]): unknown };

// Typed overloads of EventTarget's methods (declaration merging; no runtime code).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface OnboardingFlow {
  addEventListener<K extends keyof FlowEventMap>(
    type: K,
    listener: FlowEventListener<K> | null,
    options?: boolean | ListenerOptions,
  ): void;
  addEventListener(type: string, listener: Listener | null, options?: boolean | ListenerOptions): void;
  removeEventListener<K extends keyof FlowEventMap>(
    type: K,
    listener: FlowEventListener<K> | null,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: Listener | null, options?: boolean | EventListenerOptions): void;
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
  /**
   * The client the flow talks through (the onboarding's endpoints). Organisation management has its own client:
   * `createOrganisationClient` of `@wij-techniek/onboarding-sdk/organisation`.
   */
  readonly client: OnboardingClient;
  #state: FlowState;
  #facts: FlowFacts = NO_FACTS;
  #lang!: Language;
  /** Counts the step changes: the actions of a state work only while its step is the current visit. */
  #epoch = 0;
  /** Counts the intents: only the latest may apply its outcome (Lit Task's call id). */
  #callId = 0;
  #controller: AbortController | undefined;
  #invitationToken: string | undefined;
  /** The fields the latest intent sent empty: their errors then say "fill it in". */
  #blank: readonly FieldName[] = [];
  /** The timer that checks with the server once `sessionEndsAt` has passed, and the end it was set for. */
  #endTimer: ReturnType<typeof setTimeout> | undefined;
  #endWatched: number | undefined;
  /**
   * An end that the flow's own check at a passed end learnt from the server. When it passes too, with no action
   * of the person in between, the flow does not ask again: every `GET /session` records activity, so asking at
   * each end would keep an idle session alive for ever (a clock that runs ahead would ask too early every time).
   */
  #checkedEnd: number | undefined;
  readonly #options: OnboardingFlowOptions;
  // Called after both events of a change, so a listener that acts on the new state cannot reorder them.
  readonly #listeners = new Set<FlowListener>();

  constructor(options: OnboardingFlowOptions = {}) {
    super();
    must(typeof options === 'object' && options, 'options must be an object');
    this.#options = { ...options };
    this.client = options.client ?? createOnboardingClient({ apiBase: options.apiBase });
    this.setLanguage(options.lang ?? 'nl');
    this.#state = this.#withActions(enter(this.#storedStep(), NO_FACTS));
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
    must(LANGUAGES.includes(lang), `lang must be one of ${LANGUAGES.join(', ')}`);
    this.#lang = lang;
  }

  /**
   * Calls `listener` with the new and the previous state after every change; returns the function that stops it.
   * The same as listening to `change`, without the event object.
   */
  subscribe(listener: FlowListener): () => void {
    must(typeof listener === 'function', 'listener must be a function');
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Finds where the person is: loads `GET /config` and `GET /session`, reads the eHerkenning callback's
   * `wt-eherkenning` parameter (removing it from the address bar) and an invitation link's `wt-invitation`
   * token, and shows the step the server reports, or the step stored before a server-side flow existed. The
   * `wt-sign-in` parameter of the "you already have an account" mail's link (removed too) shows the sign-in step
   * while nobody is signed in, with the address of the session's flow.
   * The callback's parameter alone grants nothing: `verified` only when the session shows a membership.
   *
   * Resolves with the new state (a failure is in `state.error`); rejects only when `signal` aborts it.
   */
  async restore(signal?: AbortSignal): Promise<FlowState> {
    must(signal === undefined || signal instanceof AbortSignal, 'signal must be an AbortSignal');
    const { outcome, invitationToken: token, signIn } = readLanding(this.#href());
    this.#clean(EHERKENNING_OUTCOME_PARAM, SIGN_IN_PARAM);
    this.#invitationToken = token;
    await this.#run(
      async (options) => {
        const [config, session] = await Promise.all([this.client.config(options), this.client.session(options)]);
        let invitation: InvitationPreview | undefined;
        let error: OnboardingError | undefined;
        if (token) {
          try {
            invitation = await this.client.lookupInvitation({ token }, options);
          } catch (failure) {
            options.signal.throwIfAborted();
            error = asFailure(failure);
            this.#forgetInvitation();
          }
        }
        return [{ ...session, config, invitation }, error] as const;
      },
      ([session, error]) => {
        // The server's record of the round trip wins over the parameter anyone can put in an address.
        const confirmed = outcome && (session.eherkenning?.outcome ?? outcome);
        // The sign-in link of the "you already have an account" mail: that sign-up's flow waits for a code that
        // never comes, so the sign-in step shows, with the flow's address (only the mail tells the two apart, R4).
        // A step stored while the server's flow is at its code step is one the person went back to ("Ander
        // e-mailadres gebruiken", "Terug"), or the e-mail step whose answer the reload cut off: the code step
        // itself stores none. It stays, with the flow's address to send again (F4 keeps the code already sent).
        const chosen = signIn ? 'account' : session.step?.endsWith('code') ? this.#stored() : undefined;
        this.#server(session, error, confirmed, undefined, chosen);
        const state = this.#state;
        if (state.step === 'verified' && confirmed === 'verified') {
          this.dispatchEvent(new FlowVerifiedEvent(state.organisation));
        }
        if (state.error) this.dispatchEvent(new FlowErrorEvent(state.error, state.step, confirmed));
      },
      signal,
    );
    return this.#state;
  }

  // ── effects ──────────────────────────────────────────────────────────────────────────────────────────────────

  /** Ends the intent under way: its request is aborted and its outcome will be dropped. */
  #stop(): number {
    this.#controller?.abort();
    this.#controller = undefined;
    return ++this.#callId;
  }

  /**
   * Runs one intent: marks the state busy, aborts the previous intent and applies the outcome only while this is
   * the latest. `outer` is a caller's signal that aborts it; the returned promise then rejects with its reason.
   */
  async #run<T>(
    work: (options: { signal: AbortSignal }) => Promise<T>,
    done: (result: T) => void,
    outer?: AbortSignal,
    blank: readonly FieldName[] = [],
  ): Promise<void> {
    const step = this.#state.step;
    const id = this.#stop();
    this.#blank = blank;
    const { signal } = (this.#controller = new AbortController());
    this.#apply({ type: 'busy' });
    const options = { signal: outer ? AbortSignal.any([signal, outer]) : signal };
    try {
      const result = await work(options);
      if (id === this.#callId) done(result);
    } catch (error) {
      if (outer?.aborted) throw outer.reason;
      if (id !== this.#callId) return;
      const failure = asFailure(error);
      // The server says the flow is elsewhere: ask it where, so the state shows that step completely. If that
      // fails too, the failure itself is what the person needs to see; the step follows on the next restore.
      const session =
        failure.step !== undefined &&
        failure.step !== step &&
        (await this.client.session(options).catch(() => undefined));
      if (id !== this.#callId) return;
      if (session) this.#learn(session);
      this.#fail(failure, step);
    } finally {
      if (id === this.#callId) this.#controller = undefined;
    }
  }

  /**
   * Sends one request of a step and shows the step its answer names. An answer with a session signs the person
   * in (`signedIn` names the event); `accepting` an invitation forgets its link.
   */
  #send(name: StepEndpoint, body?: object, after: AfterAnswer = {}): Promise<void> {
    const client = this.client as unknown as Record<StepEndpoint, (...args: unknown[]) => Promise<ServerAnswer>>;
    return this.#run(
      async (options) => {
        const answer = await client[name](...(body ? [body, options] : [options]));
        // The code steps' answers do not say when the session ends, though their request may have moved that on:
        // ask, or the flow's end would stand in for it, and the session can end first (see #sessionEnd).
        return 'expiresAt' in answer ? answer : { ...answer, ...(await this.#sessionEnd(options)) };
      },
      (answer) => this.#answered(answer, after),
      undefined,
      after.blank,
    );
  }

  /**
   * When the session ends, from `GET /session`, for an answer that does not say. The server records activity at
   * most once a minute (a tenth of the idle time when shorter), so a session made or touched shortly before a new
   * flow ends up to that much before that flow (and sooner when `SESSION_IDLE_MINUTES` is under the flow's 30); and an end learnt before
   * the request may have moved on since. Asked right after the request, this moves nothing on that the request
   * did not. When it fails, the step still moves, with the end known before.
   */
  async #sessionEnd(options: RequestOptions): Promise<Pick<FlowFacts, 'expiresAt' | 'extendable'>> {
    try {
      const { expiresAt, extendable } = await this.client.session(options);
      return { expiresAt, extendable };
    } catch {
      return {};
    }
  }

  #answered(answer: ServerAnswer, { signedIn, accepting, notice }: AfterAnswer = {}): void {
    if (accepting) this.#forgetInvitation();
    this.#server(answer, undefined, undefined, notice);
    if (signedIn && answer.account) this.dispatchEvent(new FlowAccountEvent(signedIn, answer.account));
  }

  /**
   * Adds what an answer told to the facts: a session's account, memberships, flow and end, a flow, an address.
   * Other fields of an answer (`step`, `eherkenning`) ride along unread.
   */
  #learn(facts: Partial<FlowFacts>): void {
    const next = { ...this.#facts, ...facts };
    // The address of the server's flow, when none was typed here, stays to fill in again: also once the server
    // has dropped the flow (too many codes, expired) or the person left it (changeEmail, back, a reload there).
    // After a reload on an ended flow only the server knows it (`endedFlow`): the page stores no address (W3).
    this.#facts = {
      ...next,
      email: next.email ?? this.#facts.flow?.email ?? next.flow?.email ?? next.endedFlow?.email,
    };
  }

  /** Moves to a step the client owns; any request under way becomes stale. */
  #go(step: LocalStepId, notice?: FlowNotice): void {
    this.#stop();
    this.#apply({ type: 'enter', step, facts: this.#facts, notice });
  }

  /**
   * Learns what the server answered and shows the step it named. The flow known before the answer goes along, so
   * the transition can tell an e-mail step's answer that kept the running flow (no mail sent) from a new one.
   */
  #server(
    answer: ServerAnswer,
    error?: OnboardingError,
    outcome?: EherkenningOutcome,
    notice?: FlowNotice,
    chosen?: LocalStepId,
  ): void {
    const previousFlow = this.#facts.flow;
    // An answer without `endedFlow` (a code step's, an older server's) tells of no ended flow.
    this.#learn({ endedFlow: undefined, ...answer });
    const { step } = answer;
    this.#apply({
      type: 'server',
      step,
      facts: this.#facts,
      fallback: this.#storedStep(),
      error,
      outcome,
      previousFlow,
      notice,
      chosen,
    });
  }

  #fail(error: OnboardingError, step: StepId, fieldErrors?: FieldErrors): void {
    if (error.code === 'not_signed_in' || error.code === 'session_expired') {
      this.#learn({ account: null, memberships: [], expiresAt: null });
    }
    this.#apply({ type: 'failed', error, facts: this.#facts, now: this.#now(), blank: this.#blank, fieldErrors });
    // The state's error, which the transition may have made truer (the last wrong code: too_many_attempts).
    this.dispatchEvent(new FlowErrorEvent(this.#state.error ?? error, step));
  }

  #apply(event: FlowEvent): void {
    const previous = this.#state;
    const data = transition(previous, event);
    const moved = data.step !== previous.step;
    if (moved) this.#epoch++;
    const state = (this.#state = moved ? this.#withActions(data) : freeze(data, previous.actions));
    // Only a step the flow moved to is kept: a restore on the initial `start` stores nothing that would later
    // count as the person's own step (see restore).
    if (moved) this.#remember(state.step);
    this.#watchEnd(state);
    this.dispatchEvent(new FlowChangeEvent(state, previous));
    if (moved) this.dispatchEvent(new FlowStepChangeEvent(state.step, previous.step));
    for (const listener of [...this.#listeners]) {
      try {
        listener(this.#state, previous);
      } catch (error) {
        // A listener's bug must not stop the flow or the other listeners; report it as EventTarget does.
        if (globals.reportError) globals.reportError(error);
        else
          queueMicrotask(() => {
            throw error;
          });
      }
    }
  }

  // ── the session's end ────────────────────────────────────────────────────────────────────────────────────────

  #now(): number {
    return (this.#options.clock ?? Date.now)();
  }

  /**
   * Sets the timer for the state's `sessionEndsAt` (a second after it, so the server, which ends a session only
   * after its end, agrees), once per end. Without it a page left alone would show a step whose session is gone
   * until the next click said so. In Node the timer does not keep the process alive.
   */
  #watchEnd(state: FlowState): void {
    const end = state.sessionEndsAt;
    if (end === this.#endWatched) return;
    clearTimeout(this.#endTimer);
    this.#endTimer = undefined;
    this.#endWatched = end;
    if (end === undefined) return;
    const wait = Math.min(Math.max(0, end + END_GRACE_MS - this.#now()), MAX_TIMER_MS);
    const timer = setTimeout(() => this.#endPassed(end), wait);
    (timer as { unref?: () => void }).unref?.();
    this.#endTimer = timer;
  }

  /**
   * The state's end has passed: the server says what is left. A request that failed may have moved the session's
   * end on unseen, so the end the flow knows can be early: `GET /session` confirms it, as `stayActive` does, and the
   * state shows the answer (`account` with `session_expired`, the e-mail step with `flow_expired` for a flow that
   * ended, or the later end). An end that such a check learnt is not asked about again (see `#checkedEnd`).
   */
  #endPassed(end: number): void {
    this.#endTimer = undefined;
    this.#endWatched = undefined;
    const state = this.#state;
    if (state.sessionEndsAt !== end) return this.#watchEnd(state);
    if (this.#now() < end + END_GRACE_MS) return this.#watchEnd(state);
    // An intent under way learns the outcome itself; its answer sets the timer again.
    if (state.busy) return;
    if (this.#checkedEnd === end) {
      this.#fail(new OnboardingError('session_expired', SESSION_ENDED), state.step);
      return;
    }
    void this.#run(
      async (options) => {
        const session = await this.client.session(options);
        if (!session.expiresAt) throw new OnboardingError('session_expired', SESSION_ENDED);
        return session;
      },
      (session) => {
        this.#answered(session);
        this.#checkedEnd = this.#state.sessionEndsAt;
      },
    );
  }

  // ── the page: storage of the client-owned step, the address ─────────────────────────────────────────────────

  /** Where the step before a server-side flow is kept. Reading `sessionStorage` throws where the browser blocks it. */
  #storage(): StepStorage | null | undefined {
    const { storage } = this.#options;
    return storage === undefined ? globals.sessionStorage : storage;
  }

  #storedStep(): LocalStepId {
    return this.#stored() ?? 'start';
  }

  /** The step kept in storage, if any: the last step the client owned on this tab, unless a later one was not. */
  #stored(): LocalStepId | undefined {
    try {
      const value = this.#storage()?.getItem(STEP_STORAGE_KEY);
      if (isLocalStep(value)) return value;
    } catch {
      // Storage can be switched off (private windows, cookie settings): a reload then starts at the beginning.
    }
    return undefined;
  }

  #remember(step: StepId): void {
    try {
      this.#storage()?.[isLocalStep(step) ? 'setItem' : 'removeItem'](STEP_STORAGE_KEY, step);
    } catch {
      // As above: without storage nothing breaks.
    }
  }

  #href(): string | undefined {
    return (this.#options.location ?? globals.location)?.href;
  }

  /** Removes the flow's query parameters `names` from the address bar, when one is there. */
  #clean(...names: string[]): void {
    const clean = without(this.#href(), ...names);
    if (clean !== undefined) (this.#options.history ?? globals.history)?.replaceState(null, '', clean);
  }

  #forgetInvitation(): void {
    this.#invitationToken = undefined;
    this.#learn({ invitation: undefined });
    this.#clean(INVITATION_PARAM);
  }

  // ── actions per step ───────────────────────────────────────────────────────────────────────────────────────

  /** The state with the actions of its step, which throw once the flow has moved to another step. */
  #withActions(data: FlowStateData): FlowState {
    const epoch = this.#epoch;
    const actions = this.#actions(data) as Record<string, (...args: never[]) => unknown>;
    for (const [name, action] of Object.entries(actions)) {
      actions[name] = (...args: never[]) => {
        // The person acted: an end learnt after this is theirs, worth confirming when it passes.
        this.#checkedEnd = undefined;
        if (epoch !== this.#epoch) {
          throw new OnboardingError(
            'invalid_transition',
            `${name}: the flow has left the "${data.step}" step; use the actions of flow.state.`,
          );
        }
        return action(...args);
      };
    }
    return freeze(data, actions as FlowState['actions']);
  }

  #actions(data: FlowStateData): FlowState['actions'] {
    const go = (step: LocalStepId) => () => this.#go(step);
    // Inputs go to the client as they are, once checked: its schemas drop what an endpoint does not take
    // (`passwordRepeat`), so only the contract's fields leave.
    const signIn = (credentials: Credentials) =>
      this.#send('login', checked(credentials, 'credentials', CREDENTIALS), {
        signedIn: 'signedin',
        blank: blankOf(credentials, CREDENTIALS),
      });
    // A request moves the session's idle end on; an answer without a session means it had ended already.
    const stayActive = () =>
      this.#run(
        async (options) => {
          const session = await this.client.session(options);
          if (!session.expiresAt) throw new OnboardingError('session_expired', SESSION_ENDED);
          return session;
        },
        (session) => this.#answered(session),
      );
    // Only a sign-out the server confirmed is one: a failed request leaves the person signed in, with the error.
    const signOut = () =>
      this.#run(
        (options) => this.client.logout(options),
        () => {
          const account = this.#facts.account ?? undefined;
          this.#facts = { ...NO_FACTS, config: this.#facts.config };
          this.#go('start', 'signed_out');
          this.dispatchEvent(new FlowSignedOutEvent(account));
        },
      );
    // The steps that set a password: the verdict the server will give (minus its blocklist), with the address
    // and the names as context, and a submit that sends nothing when the password would be refused.
    const { policy, email } = data as { policy: PasswordPolicy; email: string };
    const address = data.step === 'invitation' ? data.invitation.email : email;
    const checkPassword = (password: string, names?: Names) => {
      string(password, 'password');
      return verdictOf(password, policy, { context: [address, names?.firstName, names?.lastName] });
    };
    // Every field it can check here is marked at once (an empty one says "fill it in"), so one submit tells all.
    const setPassword = (input: AccountInput | NewPasswordInput, send: () => Promise<void>) => {
      const { password, passwordRepeat } = input;
      const { violations } = checkPassword(password, input as Names);
      const fieldErrors: { [K in FieldName]?: readonly FieldErrorCode[] } = {};
      if (!password) fieldErrors.password = [INVALID];
      else if (violations.length > 0) fieldErrors.password = violations;
      if (!passwordRepeat) fieldErrors.passwordRepeat = [INVALID];
      else if (passwordRepeat !== password) fieldErrors.passwordRepeat = ['passwords_differ'];
      if (data.step !== 'password-new') {
        for (const name of NAMES) if (!(input as AccountInput)[name].trim()) fieldErrors[name] = [INVALID];
      }
      const [first, more] = Object.values(fieldErrors);
      if (!first) return send();
      // One field at fault keeps its own code (passwords_differ, password_policy); more are invalid_request.
      const policy = fieldErrors.password === violations;
      const error = new OnboardingError(
        more ? INVALID : policy ? 'password_policy' : (first[0] as ErrorCode),
        `Refused before sending: ${Object.keys(fieldErrors).join(', ')} (see fieldErrors); ${NOT_SENT}`,
        policy ? { violations } : {},
      );
      this.#stop();
      this.#fail(error, data.step, fieldErrors);
      return Promise.resolve();
    };
    switch (data.step) {
      case 'start':
        return { begin: go('eherkenning-info') };
      case 'eherkenning-info':
        return { next: go('account'), back: go('start') };
      case 'account':
        return {
          createAccount: go('email'),
          signIn,
          forgotPassword: (email?: string) => {
            must(email === undefined || typeof email === 'string', 'email must be a string or undefined');
            // WCAG 3.3.7: the address typed for signing in is the one whose password was forgotten.
            if (email?.trim()) this.#learn({ email: email.trim() });
            this.#go('password-email');
          },
          back: go('eherkenning-info'),
        };
      case 'email':
      case 'password-email':
        return {
          submit: (email: string) => {
            string(email, 'email');
            this.#learn({ email });
            return this.#send(
              data.step === 'email' ? 'signupEmail' : 'passwordForgot',
              { email, lang: this.#lang },
              { blank: blankOf({ email }, ['email']) },
            );
          },
          back: go('account'),
        };
      case 'code':
      case 'password-code': {
        const signup = data.step === 'code';
        return {
          submit: (code: string) => {
            string(code, 'code');
            return this.#send(signup ? 'signupCode' : 'passwordCode', { code });
          },
          resend: () => this.#send(signup ? 'signupCodeResend' : 'passwordCodeResend'),
          changeEmail: () => {
            this.#learn({ email: data.email });
            this.#go(signup ? 'email' : 'password-email');
          },
          stayActive,
        };
      }
      case 'details':
        return {
          submit: (input: AccountInput) =>
            setPassword(checked(input, 'input', ACCOUNT_INPUT), () =>
              this.#send('signupAccount', input, { signedIn: 'accountcreated' }),
            ),
          checkPassword,
          stayActive,
        };
      case 'supplier':
        return {
          choose: (supplierId: string) => {
            string(supplierId, 'supplierId');
            const { returnTo = defaultReturnTo(this.#href()) ?? '', navigate } = this.#options;
            return this.#run(
              (options) => this.client.eherkenningStart({ supplierId, returnTo }, options),
              ({ redirectUrl }) => {
                if (this.dispatchEvent(new FlowRedirectEvent(supplierId, redirectUrl))) {
                  if (navigate) navigate(redirectUrl);
                  else globals.location?.assign(redirectUrl);
                }
                // Not busy any more: after a cancelled redirect, or when the page comes back from the back/forward cache.
                this.#apply({ type: 'idle' });
              },
            );
          },
          signOut,
          stayActive,
        };
      case 'verified':
        return { signOut, stayActive };
      case 'password-new':
        return {
          submit: (input: NewPasswordInput) =>
            setPassword(checked(input, 'input', NEW_PASSWORD), () =>
              this.#send('passwordReset', input, { signedIn: 'signedin', notice: 'password_changed' }),
            ),
          checkPassword,
          stayActive,
        };
      case 'invitation':
        return {
          accept: (input: AccountInput) =>
            setPassword(checked(input, 'input', ACCOUNT_INPUT), () =>
              this.#send(
                'acceptInvitation',
                { ...input, token: this.#invitationToken ?? '' },
                { signedIn: 'accountcreated', accepting: true },
              ),
            ),
          signInAndAccept: (credentials: Credentials) => {
            checked(credentials, 'credentials', CREDENTIALS);
            return this.#run(
              async (options) => {
                await this.client.login(credentials, options);
                return this.client.acceptInvitation({ token: this.#invitationToken ?? '' }, options);
              },
              (session) => this.#answered(session, { signedIn: 'signedin', accepting: true }),
              undefined,
              blankOf(credentials, CREDENTIALS),
            );
          },
          checkPassword,
        };
    }
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

/**
 * What the answers of the flow's requests have in common: the step, and some of a Session (a whole one for those that
 * sign in, `flow` for the code steps', only the step for a code).
 */
type ServerAnswer = Partial<Session> & Pick<Session, 'step'>;

/** The client's methods whose answer names the next step (and, for a session, signs the person in). */
type StepEndpoint = Exclude<
  keyof OnboardingClient,
  'apiBase' | 'config' | 'session' | 'logout' | 'eherkenningStart' | 'lookupInvitation'
>;

/** What the flow uses of the page when no option replaces it; none of it exists in Node. */
const globals = globalThis as {
  location?: Pick<Location, 'href' | 'assign'>;
  history?: StepHistory;
  sessionStorage?: StepStorage;
  reportError?: (error: unknown) => void;
};

/**
 * What follows a step's answer: `signedIn` names the account event to dispatch, `accepting` forgets the invitation
 * link, `notice` confirms the request on the next step; `blank` names the fields sent empty.
 */
interface AfterAnswer {
  readonly signedIn?: 'signedin' | 'accountcreated';
  readonly accepting?: boolean;
  readonly notice?: FlowNotice;
  readonly blank?: readonly FieldName[];
}

/** After its end the server ends a session; a second later it surely agrees. */
const END_GRACE_MS = 1000;

/** The longest wait `setTimeout` takes (about 24.8 days); a later end is checked again then. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The names a password must not contain, besides the address. */
type Names = { readonly firstName?: string; readonly lastName?: string };

/** The end of the message of a password refused before sending. */
const NOT_SENT = 'nothing sent; ask for the password again.';

const CREDENTIALS = ['email', 'password'] as const;
const NAMES = ['firstName', 'lastName'] as const;
const INVALID = 'invalid_request';
const NEW_PASSWORD = ['password', 'passwordRepeat'] as const;
const ACCOUNT_INPUT = [...NEW_PASSWORD, ...NAMES] as const;

function asFailure(error: unknown): OnboardingError {
  // Anything else is a bug between the client and the flow; the person sees a retryable failure, not a hang.
  return error instanceof OnboardingError
    ? error
    : new OnboardingError('internal_error', 'A bug in the SDK (see cause); report it, then try again.', {
        cause: error,
      });
}

function freeze(data: FlowStateData, actions: FlowState['actions']): FlowState {
  return Object.freeze({ ...data, actions }) as FlowState;
}

/** The fields among `keys` that `input` holds empty (or only spaces). */
function blankOf<K extends FieldName>(input: Readonly<Record<K, string>>, keys: readonly K[]): K[] {
  return keys.filter((key) => input[key].trim() === '');
}

function string(value: unknown, name: string): asserts value is string {
  must(typeof value === 'string', `${name} must be a string`);
}

/** `value`, once it is an object whose `keys` are strings. */
function checked<T extends object>(value: T, name: string, keys: readonly (keyof T & string)[]): T {
  must(typeof value === 'object' && value, `${name} must be an object`);
  for (const key of keys) string(value[key], `${name}.${key}`);
  return value;
}
