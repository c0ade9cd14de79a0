import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { TaskStatus } from '@lit/task';
import {
  EHERKENNING_OUTCOME_PARAM,
  SIGN_IN_PARAM,
  type FlowState,
  type OnboardingClientOptions,
  type OnboardingFlow,
  type StepId,
} from '@wij-techniek/onboarding-sdk';
import { CountdownController } from './controllers/countdown-controller.js';
import { FlowController } from './controllers/flow-controller.js';
import { LocalizeController } from './controllers/localize-controller.js';
import type { WtAccountCreatedEvent } from './events/account-created.js';
import type { WtSignedInEvent } from './events/signed-in.js';
import { format, type LanguageTextOverrides, type TextOverrides } from './i18n/translation.js';
import styles from './onboarding.styles.js';
import { checklistMet, withChecklistMet } from './steps/password-fields.js';
import { renderStep } from './steps/render-step.js';
import { startContent } from './steps/start.js';
import { rememberedSupplier } from './steps/supplier.js';
import { SIGN_UP_STEPS } from './steps/sign-up-steps.js';
import { isRefusedCheck, messageFor, type StepView } from './steps/view.js';

/**
 * The whole Wij Techniek account onboarding in one tag: from "Start hier" through the e-mailed code, the
 * password and name, to eHerkenning level 3 and "Jouw account is geverifieerd!", plus signing in with an
 * existing account and a forgotten password. A thin view over the SDK's flow: no HTTP and no business rule here.
 *
 * Password managers: the forms are real `<form>`s with real `<input>`s in the element's **open** shadow root,
 * each with the `autocomplete` token a manager looks for (`username`, `current-password`, `new-password`,
 * `one-time-code`, `email`, `given-name`, `family-name`) and the policy's `passwordrules`; Chromium's password
 * manager reads forms in open shadow roots. Where the browser has the Credential Management API
 * (`PasswordCredential`, Chromium), the element also offers the accepted e-mail address and password to the
 * browser's password store after a successful sign-up or sign-in, so saving never depends on form heuristics.
 *
 * @summary The Wij Techniek onboarding with eHerkenning level 3, in one tag.
 * @tag wt-onboarding
 *
 * @slot verified - Content the page adds below the verified step's text (links to the online services, say).
 * @slot anti-automation - A CAPTCHA or proof-of-work widget the page pastes (Cloudflare Turnstile's `<div class="cf-turnstile" data-sitekey="…">`, say), shown above the send button of the e-mail step and the forgotten-password step, the two requests the server's anti-automation hook guards. The value of its field named by `anti-automation-field` is sent as the token.
 *
 * @event {WtStepChangeEvent} wt-step-change - The flow moved to another step. `detail: { step, previousStep }`.
 * @event {WtAccountCreatedEvent} wt-account-created - A new account was created and signed in. `detail: { account }`.
 * @event {WtSignedInEvent} wt-signed-in - An existing account signed in. `detail: { account }`.
 * @event {WtSignedOutEvent} wt-signed-out - The person signed out ("Uitloggen") and the server ended the session; the start step follows. A session that ends by itself is `wt-error` with `session_expired` instead. `detail: { account }`.
 * @event {WtEherkenningRedirectEvent} wt-eherkenning-redirect - The browser is about to leave for eHerkenning. Cancelable: `preventDefault()` stops the element's navigation so the page can navigate itself. `detail: { supplierId, redirectUrl }`.
 * @event {WtVerifiedEvent} wt-verified - The server confirmed the eHerkenning verification. `detail: { organisation }`.
 * @event {WtErrorEvent} wt-error - Something the person did failed; the element shows the message. `detail: { code, step }`.
 *
 * @csspart base - The element's wrapper.
 * @csspart header - Holds the progress and the step's heading.
 * @csspart progress - "Stap 4 van 8" on the sign-up path.
 * @csspart heading - The step's heading (`h2`); it receives focus when the step changes.
 * @csspart subheading - A heading within a step (`h3`).
 * @csspart status - The polite live region (`role=status`): "Even geduld…", a code sent again, the session extended.
 * @csspart status-error - The error live region (`role=alert`), shown as a box when an error belongs to no field.
 * @csspart step - The step's content; also part `step-<step-id>`.
 * @csspart text - A paragraph of the step's text.
 * @csspart form - A form.
 * @csspart field - A label, hint, input and error message together.
 * @csspart field-invalid - A field whose input is invalid (also part `field`): a bar on its start side marks it.
 * @csspart label - A field's label.
 * @csspart hint - A field's hint, and the resend countdown.
 * @csspart countdown - A countdown: the resend wait (also part `hint`), the time left in the session notice (also part `text`).
 * @csspart session-notice - The notice shown two minutes (at most half the idle time) before the session ends if nothing happens: what happens, the time left and, when it can be extended, the button that does so (WCAG 2.2.1).
 * @csspart session-extend - The session notice's button that extends the session (also parts `button button-primary`).
 * @csspart input - An input or the supplier select.
 * @csspart input-invalid - An invalid input (also part `input`), with a 6px start border: restore it here when a theme restyles `::part(input)`.
 * @csspart code-input - The verification code input (also part `input`).
 * @csspart supplier-select - The eHerkenning supplier drop-down (also part `input`).
 * @csspart error-message - The error message below a field, or below the anti-automation widget when the server refused its token.
 * @csspart anti-automation-error - The error message below the anti-automation widget when the server refused its token (also part `error-message`), to style apart from the errors beside fields.
 * @csspart checklist - The live checklist of the password rules.
 * @csspart checklist-heading - The checklist's heading, "Je wachtwoord heeft:".
 * @csspart checklist-item - One rule of the checklist; its icon (○, or ✓ when met) is `::part(checklist-item)::before`.
 * @csspart checklist-item-met - A rule the password meets (also part `checklist-item`).
 * @csspart rights - The list of rights an invited member was granted, on the verified step.
 * @csspart actions - A row of buttons.
 * @csspart button - Every button.
 * @csspart button-primary - The main action of a step (also part `button`).
 * @csspart button-secondary - Other actions (also part `button`).
 * @csspart button-disabled - A button that waits, `aria-disabled="true"` (while busy; the resend button during its countdown); also part `button`.
 * @csspart password-toggle - The show/hide password button (also parts `button button-secondary`).
 * @csspart password-toggle-pressed - The password toggle while the passwords are shown, `aria-pressed="true"` (also part `password-toggle`).
 * @csspart link - A link; one that stands alone in its paragraph is a 44px target.
 * @csspart sign-out - "Uitloggen" on the signed-in steps (supplier, verified): a button that looks like a link, 44px high (also part `button`).
 *
 * @cssstate busy - A request is under way; submits do nothing until it ends.
 * @cssstate step-start - The start step is shown (one state per step id: `step-start`, `step-eherkenning-info`, `step-account`, `step-email`, `step-code`, `step-details`, `step-supplier`, `step-verified`, `step-password-email`, `step-password-code`, `step-password-new`, `step-invitation`).
 * @cssstate step-eherkenning-info - The eHerkenning information step is shown.
 * @cssstate step-account - The sign-in or create-account step is shown.
 * @cssstate step-email - The e-mail address step is shown.
 * @cssstate step-code - The verification code step is shown.
 * @cssstate step-details - The password and name step is shown.
 * @cssstate step-supplier - The eHerkenning supplier step is shown.
 * @cssstate step-verified - The verified step is shown.
 * @cssstate step-password-email - The forgotten-password address step is shown.
 * @cssstate step-password-code - The forgotten-password code step is shown.
 * @cssstate step-password-new - The new-password step is shown.
 * @cssstate step-invitation - The invitation step is shown.
 *
 * @cssprop [--wt-actions-gap=0.75rem] - Gap between the buttons of a row (part `actions`).
 * @cssprop [--wt-button-border-radius=4px] - Button border radius.
 * @cssprop [--wt-button-border-width=2px] - Button border width.
 * @cssprop [--wt-button-disabled-opacity=0.6] - Button disabled opacity.
 * @cssprop [--wt-button-font-weight=700] - Button font weight.
 * @cssprop [--wt-button-min-block-size=44px] - Button min block size.
 * @cssprop [--wt-button-min-inline-size=44px] - Button min inline size.
 * @cssprop [--wt-button-padding-block=0.5rem] - Button padding block.
 * @cssprop [--wt-button-padding-inline=1.25rem] - Button padding inline.
 * @cssprop [--wt-button-primary-background-color=#0b4f8a] - Primary button: background color.
 * @cssprop [--wt-button-primary-border-color=transparent] - Primary button: border color.
 * @cssprop [--wt-button-primary-color=#ffffff] - Primary button: color.
 * @cssprop [--wt-button-primary-hover-background-color=#06345c] - Primary button: hover background color.
 * @cssprop [--wt-button-primary-hover-border-color=var(--wt-button-primary-border-color, transparent)] - Primary button: hover border color.
 * @cssprop [--wt-button-primary-hover-color=var(--wt-button-primary-color, #ffffff)] - Primary button: hover color.
 * @cssprop [--wt-button-secondary-background-color=#ffffff] - Secondary button: background color.
 * @cssprop [--wt-button-secondary-border-color=currentColor] - Secondary button: border color.
 * @cssprop [--wt-button-secondary-color=#0b4f8a] - Secondary button: color.
 * @cssprop [--wt-button-secondary-hover-background-color=#e8f0f7] - Secondary button: hover background color.
 * @cssprop [--wt-button-secondary-hover-border-color=var(--wt-button-secondary-border-color, currentColor)] - Secondary button: hover border color.
 * @cssprop [--wt-button-secondary-hover-color=var(--wt-button-secondary-color, #0b4f8a)] - Secondary button: hover color.
 * @cssprop [--wt-checklist-met-color=#00703c] - Checklist met color.
 * @cssprop [--wt-checklist-unmet-color=#4a4a4a] - Checklist unmet color.
 * @cssprop [--wt-code-input-max-inline-size=12em] - Code input max inline size.
 * @cssprop [--wt-focus-outline-color=#1a1a1a] - Focus outline color.
 * @cssprop [--wt-focus-outline-offset=2px] - Focus outline offset.
 * @cssprop [--wt-focus-outline-width=3px] - Focus outline width.
 * @cssprop [--wt-form-field-error-message-color=#b30000] - Form field error message color.
 * @cssprop [--wt-form-field-error-message-font-weight=700] - Form field error message font weight.
 * @cssprop [--wt-form-field-hint-color=#4a4a4a] - Form field hint color.
 * @cssprop [--wt-form-field-label-color=inherit] - Form field label color.
 * @cssprop [--wt-form-field-label-font-weight=700] - Form field label font weight.
 * @cssprop [--wt-form-field-row-gap=0.25rem] - Form field: gap between its label, hint, input and error message.
 * @cssprop [--wt-heading-2-color=inherit] - Step heading (h2): color.
 * @cssprop [--wt-heading-2-font-family=inherit] - Step heading (h2): font family.
 * @cssprop [--wt-heading-2-font-size=1.5em] - Step heading (h2): font size.
 * @cssprop [--wt-heading-2-font-weight=700] - Step heading (h2): font weight.
 * @cssprop [--wt-heading-2-line-height=1.25] - Step heading (h2): line height.
 * @cssprop [--wt-heading-3-color=inherit] - Sub-heading (h3): color.
 * @cssprop [--wt-heading-3-font-family=inherit] - Sub-heading (h3): font family.
 * @cssprop [--wt-heading-3-font-size=1.125em] - Sub-heading (h3): font size.
 * @cssprop [--wt-heading-3-font-weight=700] - Sub-heading (h3): font weight.
 * @cssprop [--wt-heading-3-line-height=inherit] - Sub-heading (h3): line height.
 * @cssprop [--wt-link-color=#0b4f8a] - Link color.
 * @cssprop [--wt-link-hover-color=#06345c] - Link hover color.
 * @cssprop [--wt-onboarding-background-color=#ffffff] - Element background color.
 * @cssprop [--wt-onboarding-border-color=transparent] - Element border color.
 * @cssprop [--wt-onboarding-border-radius=0] - Element border radius.
 * @cssprop [--wt-onboarding-border-width=0] - Element border width.
 * @cssprop [--wt-onboarding-color=#1a1a1a] - Element color.
 * @cssprop [--wt-onboarding-color-scheme=light] - Element color scheme, `light` or `dark`: native controls, autofill and the caret follow it.
 * @cssprop [--wt-onboarding-font-family=system-ui] - Element font family (default: the system's UI font stack).
 * @cssprop [--wt-onboarding-font-size=1rem] - Element font size.
 * @cssprop [--wt-onboarding-line-height=1.5] - Element line height.
 * @cssprop [--wt-onboarding-max-inline-size=40rem] - Element max inline size.
 * @cssprop [--wt-onboarding-padding-block=1.5rem] - Element padding block.
 * @cssprop [--wt-onboarding-padding-inline=1rem] - Element padding inline.
 * @cssprop [--wt-onboarding-row-gap=1rem] - Element row gap.
 * @cssprop [--wt-progress-color=#4a4a4a] - Progress color.
 * @cssprop [--wt-progress-font-size=0.875em] - Progress font size.
 * @cssprop [--wt-session-notice-background-color=#e8f0f7] - Session notice background color.
 * @cssprop [--wt-session-notice-border-color=#0b4f8a] - Session notice border color.
 * @cssprop [--wt-session-notice-border-radius=0] - Session notice border radius.
 * @cssprop [--wt-session-notice-color=inherit] - Session notice color.
 * @cssprop [--wt-session-notice-padding-block=0.75rem] - Session notice padding block.
 * @cssprop [--wt-session-notice-padding-inline=1rem] - Session notice padding inline.
 * @cssprop [--wt-status-error-background-color=#fdf1f1] - Status error background color.
 * @cssprop [--wt-status-error-border-color=#b30000] - Status error border color.
 * @cssprop [--wt-status-error-border-radius=0] - Status error border radius.
 * @cssprop [--wt-status-error-color=inherit] - Status error color.
 * @cssprop [--wt-status-error-padding-block=0.75rem] - Status error padding block.
 * @cssprop [--wt-status-error-padding-inline=1rem] - Status error padding inline.
 * @cssprop [--wt-text-input-background-color=#ffffff] - Text inputs and the supplier select: background color.
 * @cssprop [--wt-text-input-border-color=#4a4a4a] - Text inputs and the supplier select: border color.
 * @cssprop [--wt-text-input-border-radius=4px] - Text inputs and the supplier select: border radius.
 * @cssprop [--wt-text-input-border-width=2px] - Text inputs and the supplier select: border width.
 * @cssprop [--wt-text-input-color=inherit] - Text inputs and the supplier select: color.
 * @cssprop [--wt-text-input-invalid-border-color=#b30000] - Text inputs and the supplier select: invalid border color.
 * @cssprop [--wt-text-input-max-inline-size=100%] - Text inputs and the supplier select: max inline size.
 * @cssprop [--wt-text-input-min-block-size=44px] - Text inputs and the supplier select: min block size.
 * @cssprop [--wt-text-input-padding-block=0.5rem] - Text inputs and the supplier select: padding block.
 * @cssprop [--wt-text-input-padding-inline=0.75rem] - Text inputs and the supplier select: padding inline.
 */
export class WtOnboarding extends LitElement {
  /** The element's shadow styles; a page themes them through the `--wt-*` custom properties listed above. */
  static override styles = styles;

  /** The API's prefix as a URL: same origin by default, as DESIGN.md's production setup has it. */
  @property({ attribute: 'api-base' }) apiBase = '/api/v1';

  /**
   * The page eHerkenning sends the person back to; empty for this page (without the flow's own parameters).
   * It must be on the server's allow-list (`ALLOWED_ORIGINS`).
   */
  @property({ attribute: 'return-to' }) returnTo = '';

  /**
   * Where the link "website van de Belastingdienst" on the first two steps goes. The default is that website's
   * home page, where the text tells the person to search for "eHerkenning aanvragen" (as the current pages do).
   */
  @property({ attribute: 'eherkenning-info-url' }) eherkenningInfoUrl = 'https://www.belastingdienst.nl/';

  /** Where the verified step's "back to the Wij Techniek website" link goes. */
  @property({ attribute: 'home-url' }) homeUrl = '/';

  /**
   * The `name` of the field inside the `anti-automation` slot whose value is the anti-automation token, e.g.
   * `cf-turnstile-response` (Cloudflare Turnstile), `h-captcha-response` (hCaptcha) or `g-recaptcha-response`
   * (reCAPTCHA); the widget puts its token there. Read when the e-mail address is sent; empty sends no token.
   */
  @property({ attribute: 'anti-automation-field' }) antiAutomationField = '';

  /**
   * The global object of the widget in the `anti-automation` slot whose `reset()` the element calls once it has
   * taken the token from the field, so the widget makes a fresh one for the next try (a token is single use):
   * `turnstile`, `hcaptcha` or `grecaptcha`. Empty: the page resets the widget itself.
   */
  @property({ attribute: 'anti-automation-reset' }) antiAutomationReset = '';

  /**
   * For script: gives the anti-automation token for a sign-up or password-reset start (`route` is
   * `'/signup/email'` or `'/password/forgot'`), as the SDK's `antiAutomationToken` option; it wins over the
   * `anti-automation-field`. Asked once per request: give a fresh token each time.
   */
  antiAutomationToken: OnboardingClientOptions['antiAutomationToken'];

  /**
   * Texts that replace the built-in ones, merged over the language's table at any depth: `{ code: { action:
   * 'Verder' } }` for every language, `{ nl: {…}, en: {…} }` per language, or both (a language's own keys win). A key
   * that names no text warns once on the console. As an attribute, JSON. The language itself comes from `lang` on
   * the element or its closest ancestor (Dutch unless that says English).
   */
  @property({ converter: { fromAttribute: parseTexts } }) texts: TextOverrides | LanguageTextOverrides | undefined;

  /**
   * The time in ms since the epoch, for the countdowns; tests replace it.
   * @internal
   */
  clock: () => number = Date.now;

  @state() private passwordVisible = false;
  @state() private password = '';

  readonly #localize = new LocalizeController(this);
  readonly #flowController = new FlowController(this, {
    lang: () => this.#localize.lang,
    antiAutomationToken: (route) => this.#antiAutomationTokenFor(route),
  });
  readonly #countdown = new CountdownController(this, () => this.clock());
  readonly #sessionCountdown = new CountdownController(this, () => this.clock());
  readonly #internals: ElementInternals | undefined;
  #shownStep: StepId | undefined;
  #lastState: FlowState | undefined;
  #notice = '';
  /** True while the session notice is shown, so its extension can be announced. */
  #warned = false;
  /** The longest time (ms) seen from an extendable end's arrival to that end: the idle time as the page knows it. */
  #idleSeen = 0;
  #focusOnFirstStep: boolean;
  /** Set when a submit failed with field errors: focus moves to the first invalid field after the render. */
  #focusInvalid = false;
  /** Set by "Opnieuw proberen": focus moves to the heading once the load worked. */
  #focusAfterRetry = false;
  #flowLang: { flow: OnboardingFlow; lang: string } | undefined;
  /** The password typed when the last error arrived, and the error after which the typing met the checklist. */
  #refusedPassword = '';
  /** True once a new code was sent on the code step shown. */
  #resent = false;
  #checklistMetAfter: FlowState['error'];
  #credential: { id: string; password: string } | undefined;

  constructor() {
    super();
    this.#internals = typeof this.attachInternals === 'function' ? this.attachInternals() : undefined;
    // Coming back from eHerkenning, or from the "you already have an account" mail's sign-in link, the page opens
    // as the outcome of what the person did elsewhere: announce the step by moving focus (a plain load does not).
    const params = new URLSearchParams(location.search);
    this.#focusOnFirstStep = params.has(EHERKENNING_OUTCOME_PARAM) || params.has(SIGN_IN_PARAM);
    this.addEventListener('wt-account-created', (event) => this.#offerCredential(event));
    this.addEventListener('wt-signed-in', (event) => this.#offerCredential(event));
    // Whoever uses this tab next does not find the previous person's supplier chosen.
    this.addEventListener('wt-signed-out', () => rememberedSupplier(null));
  }

  /** The SDK flow this element shows, once created: to observe or drive it from script. */
  get flow(): OnboardingFlow | undefined {
    return this.#flowController.flow;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const { flow } = this;
    const state = flow?.state;
    if (!flow || !state) return;
    const lang = this.#localize.lang;
    if (this.#flowLang?.flow === flow && this.#flowLang.lang !== lang) flow.setLanguage(lang);
    this.#flowLang = { flow, lang };
    if (state.step !== this.#lastState?.step) {
      this.password = '';
      this.passwordVisible = false;
      this.#notice = '';
      this.#resent = false;
      if (!isPasswordStep(state.step)) this.#credential = undefined;
      if (this.#lastState) this.#setCustomState(`step-${this.#lastState.step}`, false);
      this.#setCustomState(`step-${state.step}`, true);
    } else if (state.error) {
      this.#notice = '';
      // A submit just failed with errors beside fields: the person goes on at the first of them (updated()).
      if (state.error !== this.#lastState?.error && state.fieldErrors && !state.busy) this.#focusInvalid = true;
    } else if (this.#warned && !state.busy && (state.sessionEndsAt ?? 0) > (this.#lastState?.sessionEndsAt ?? 0)) {
      this.#notice = this.#localize.t.session.extended;
    } else if (
      'resendAvailableAt' in state &&
      this.#lastState &&
      'resendAvailableAt' in this.#lastState &&
      state.resendAvailableAt > this.#lastState.resendAvailableAt &&
      !state.busy
    ) {
      this.#notice = format(this.#localize.t.code.resent, { email: state.email });
    }
    // A later resend time without an error: a new code went out (from here or another tab), older ones are void.
    const last = this.#lastState;
    if (!state.error && last && 'resendAvailableAt' in state && 'resendAvailableAt' in last)
      this.#resent ||= state.resendAvailableAt > last.resendAvailableAt;
    // A refused password is settled once the typing has changed it to one that meets every rule of the checklist;
    // breaking a rule again shows in the checklist, not as the old refusal coming back.
    const { error, actions } = state;
    if (error !== this.#lastState?.error) this.#refusedPassword = this.password;
    else if (
      error &&
      this.password !== this.#refusedPassword &&
      'policy' in state &&
      'checkPassword' in actions &&
      checklistMet(state.policy, actions.checkPassword(this.password))
    )
      this.#checklistMetAfter = error;
    // An extendable end that just arrived is the idle end the last request set: the time to it is (nearly) the
    // server's SESSION_IDLE_MINUTES, which no answer states. Each is at most the idle time (the server records
    // activity at most every tenth of it), so the longest seen is the best estimate and never too long.
    const end = state.sessionEndsAt;
    if (state.sessionExtendable && end !== undefined && end !== this.#lastState?.sessionEndsAt)
      this.#idleSeen = Math.max(this.#idleSeen, end - this.clock());
    this.#lastState = state;
    this.#setCustomState('busy', state.busy);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#focusInvalid) {
      this.#focusInvalid = false;
      // WCAG 3.3.1: from the submit button to the first field marked invalid; the alert still announces why.
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
    const step = this.#flowController.bootstrap.status === TaskStatus.COMPLETE ? this.flow?.state.step : undefined;
    if (step && this.#focusAfterRetry && this.flow?.config) {
      // The retry button is gone: the person asked for this step, so focus lands on its heading.
      this.#focusAfterRetry = false;
      this.#shownStep = step;
      this.renderRoot.querySelector<HTMLElement>('#wt-heading')?.focus();
      return;
    }
    if (!step || step === this.#shownStep) return;
    const first = this.#shownStep === undefined;
    this.#shownStep = step;
    if (!first || this.#focusOnFirstStep) {
      this.renderRoot.querySelector<HTMLElement>('#wt-heading')?.focus();
    }
    this.#focusOnFirstStep = false;
  }

  override render() {
    return html`<div part="base" class="base" @submit=${(event: SubmitEvent) => this.#rememberCredential(event)}>
      ${this.#flowController.bootstrap.render({
        initial: () => this.#renderLoading(),
        pending: () => this.#renderLoading(),
        complete: () => this.#renderFlow(),
        error: () => this.#renderLoadFailed(),
      })}
    </div>`;
  }

  #renderFlow() {
    const flow = this.flow;
    if (!flow) return this.#renderLoading();
    const { state: current } = flow;
    const state = current.error && current.error === this.#checklistMetAfter ? withChecklistMet(current) : current;
    const t = this.#localize.t;
    const view: StepView = {
      state,
      t,
      resendSeconds: 'resendAvailableAt' in state ? this.#countdown.secondsUntil(state.resendAvailableAt) : 0,
      resent: this.#resent,
      passwordVisible: this.passwordVisible,
      password: this.password,
      eherkenningInfoUrl: this.eherkenningInfoUrl,
      supplierCount: flow.config?.suppliers.length,
      homeUrl: this.homeUrl,
      act: (run) => {
        // The state a button was rendered for must still be current: no double submit, no stale action.
        if (flow.state !== current || current.busy) return;
        try {
          Promise.resolve(run()).catch(reportError);
        } catch (error) {
          reportError(error);
        }
      },
      togglePasswordVisible: () => {
        this.passwordVisible = !this.passwordVisible;
      },
      setPassword: (password) => {
        this.password = password;
      },
    };
    // Without the server's configuration no later step can work (no suppliers, no policy): stay on the start.
    if (!flow.config) return this.#renderLoadFailed(view);
    const { heading, body } = renderStep(view);
    const { error } = state;
    // An error already shown beside its field is announced, but not shown twice; a refused password is explained
    // beside the password field, with the checklist.
    // A refused anti-automation check is explained below the widget, on the e-mail steps.
    const shownInField =
      error &&
      (error.code === 'password_policy'
        ? state.fieldErrors?.password !== undefined
        : Object.values(state.fieldErrors ?? {}).some((codes) => codes.includes(error.code)) ||
          (isRefusedCheck(state) && (state.step === 'email' || state.step === 'password-email')));
    const status = state.busy ? t.common.busy : this.#notice;
    return html`${this.#renderHeader(state.step, heading)}
      <div part="status" class=${status ? 'status' : 'status visually-hidden'} role="status">${status || nothing}</div>
      <div
        part="status-error"
        class=${error && !shownInField ? 'status status-error' : 'status visually-hidden'}
        role="alert"
      >
        ${error ? messageFor(view, error.code) : nothing}
      </div>
      <section part="step step-${state.step}" class="step" aria-labelledby="wt-heading">
        ${body} ${state.step === 'verified' ? html`<slot name="verified"></slot>` : nothing}
      </section>
      ${this.#renderSessionNotice(view)}`;
  }

  /**
   * WCAG 2.2.1: from two minutes before the session ends (less for a short idle time, see
   * {@link sessionWarningSeconds}), a notice says so, with the time left and a button that extends it, or, when it
   * cannot be extended, what to do. It is announced through its own polite live region and never takes focus, so
   * nobody is pulled out of a field; it comes after the step, next in tab order.
   */
  #renderSessionNotice(view: StepView) {
    const { state, t } = view;
    const end = state.sessionEndsAt;
    const warnFor = sessionWarningSeconds(state.sessionExtendable === true, this.#idleSeen);
    const left = end === undefined ? 0 : this.#sessionCountdown.secondsUntil(end, warnFor);
    const shown = left > 0 && left <= warnFor;
    this.#warned = shown;
    const { actions } = state;
    const extend = state.sessionExtendable && 'stayActive' in actions ? actions : undefined;
    // The live region speaks only when its sentence changes: so the sentence holds no seconds, and from a minute
    // on no number at all (minutes rounded up would say "1 minute" beside "0:19"); the timer beside it counts.
    const soon = left <= 60;
    const message = extend
      ? soon
        ? t.session.warningSoon
        : format(t.session.warning, { minutes: Math.ceil(left / 60) })
      : soon
        ? t.session.endingSoon
        : format(t.session.ending, { minutes: Math.ceil(left / 60) });
    const time = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
    return html`<div class="visually-hidden" role="status">${shown ? message : nothing}</div>
      ${
        shown
          ? html`<div part="session-notice" class="session-notice">
              <p part="text">${message}</p>
              <p part="text countdown">${format(t.session.timeLeft, { time })}</p>
              ${
                extend
                  ? html`<div part="actions" class="actions">
                      <button
                        part="button button-primary session-extend"
                        class="button button-primary"
                        type="button"
                        @click=${() => view.act(() => extend.stayActive())}
                      >
                        ${t.session.extend}
                      </button>
                    </div>`
                  : nothing
              }
            </div>`
          : nothing
      }`;
  }

  #renderLoading() {
    return html`<div part="status" class="status" role="status">${this.#localize.t.common.loading}</div>`;
  }

  /**
   * The first load failed (no server behind the page, no connection, an error): every later step needs the
   * server, so the start step keeps the error in view and offers "Opnieuw proberen" (the restore again) where
   * "Start hier" would lead three steps on to a request that cannot work. `view` is missing only when the flow
   * could not even be created; the retry then starts over.
   */
  #renderLoadFailed(view?: StepView) {
    const t = this.#localize.t;
    const busy = view?.state.busy ?? false;
    const { heading, body } = startContent(
      view ?? { t, eherkenningInfoUrl: this.eherkenningInfoUrl, supplierCount: undefined },
      html`<button
        part="button button-primary"
        class="button button-primary"
        type="button"
        @click=${() => this.#retry()}
      >
        ${t.common.retry}
      </button>`,
    );
    // Online, the service did not answer: waiting helps, the connection does not (and the web editor is told why).
    const online = navigator.onLine;
    if (!busy && online) hintUnreachable(this.apiBase);
    return html`${this.#renderHeader('start', heading)}
      <div part="status" class=${busy ? 'status' : 'status visually-hidden'} role="status">
        ${busy ? t.common.busy : nothing}
      </div>
      <div part="status-error" class=${busy ? 'status visually-hidden' : 'status status-error'} role="alert">
        ${busy ? nothing : online ? t.common.unreachable : t.common.loadFailed}
      </div>
      <section part="step step-start" class="step" aria-labelledby="wt-heading">${body}</section>`;
  }

  /** The progress ("Stap 1 van 8", on the sign-up path) and the step's heading, which takes focus. */
  #renderHeader(step: StepId, heading: string) {
    const index = SIGN_UP_STEPS.indexOf(step);
    // A div, not <header>: inside a page a <header> would become a second banner landmark.
    return html`<div part="header" class="header">
      ${
        index >= 0
          ? html`<p part="progress" class="progress">
              ${format(this.#localize.t.common.progress, { current: index + 1, total: SIGN_UP_STEPS.length })}
            </p>`
          : nothing
      }
      <h2 part="heading" class="heading" id="wt-heading" tabindex="-1">${heading}</h2>
    </div>`;
  }

  /** Loads again what the first load could not; once it works, focus goes to the step's heading. */
  #retry(): void {
    const { flow } = this;
    this.#focusAfterRetry = true;
    if (flow && this.#flowController.bootstrap.status === TaskStatus.COMPLETE) {
      flow.restore().catch(reportError);
    } else {
      void this.#flowController.bootstrap.run();
    }
  }

  /**
   * The token of a guarded request: the `antiAutomationToken` property's, else the value of the slotted field named
   * by `anti-automation-field` (after which the widget is reset: its token is spent). The SDK sends it.
   */
  #antiAutomationTokenFor(route: '/signup/email' | '/password/forgot') {
    if (this.antiAutomationToken) return this.antiAutomationToken(route);
    const name = this.antiAutomationField && CSS.escape(this.antiAutomationField);
    const slotted = ':scope > [slot="anti-automation"]';
    const token = name
      ? this.querySelector<HTMLInputElement>(`${slotted}[name="${name}"], ${slotted} [name="${name}"]`)?.value
      : undefined;
    if (token) {
      const widget = (globalThis as Record<string, unknown>)[this.antiAutomationReset] as { reset?: () => void };
      try {
        widget?.reset?.();
      } catch {
        // A widget that cannot reset renews its token when it expires; the token taken is sent all the same.
      }
    }
    return token || undefined;
  }

  #setCustomState(name: string, on: boolean): void {
    const states = this.#internals?.states;
    if (!states) return;
    try {
      if (on) states.add(name);
      else states.delete(name);
    } catch {
      // Browsers that shipped the older `--name` syntax refuse plain names; the element works without states.
    }
  }

  // Kept only until the flow answers: offered to the browser's password store after success, then dropped.
  #rememberCredential(event: Event): void {
    const form = event.target as HTMLFormElement;
    const password = form.querySelector<HTMLInputElement>('input[name="password"]')?.value;
    const id = form.querySelector<HTMLInputElement>('input[name="username"], input[name="email"]')?.value;
    this.#credential = password && id ? { id, password } : undefined;
  }

  #offerCredential(event: WtAccountCreatedEvent | WtSignedInEvent): void {
    const credential = this.#credential;
    this.#credential = undefined;
    const Credential = (globalThis as { PasswordCredential?: PasswordCredentialConstructor }).PasswordCredential;
    if (!credential || !Credential || !navigator.credentials) return;
    const { firstName, lastName } = event.detail.account;
    const name = `${firstName} ${lastName}`.trim();
    navigator.credentials.store(new Credential({ ...credential, ...(name ? { name } : {}) })).catch(() => undefined);
  }
}

/** The `texts` attribute: JSON typed by a web editor. A typo must not break the page: it warns and is ignored. */
function parseTexts(value: string | null): TextOverrides | undefined {
  if (!value) return undefined;
  try {
    return JSON.parse(value) as TextOverrides;
  } catch {
    console.warn('<wt-onboarding>: the texts attribute is not valid JSON and is ignored.');
    return undefined;
  }
}

/** The API addresses whose failed load the console has explained already: once each, not on every retry. */
const hinted = new Set<string>();

/**
 * For the web editor, once per address: the onboarding's first load found no API at `apiBase` although the page is
 * online. A wrong `api-base`, a server down, or a page whose origin the server does not allow (CORS).
 */
function hintUnreachable(apiBase: string): void {
  let url = apiBase;
  try {
    url = new URL(apiBase, document.baseURI).href;
  } catch {
    // Not a URL at all: the hint names it as typed.
  }
  if (hinted.has(url)) return;
  hinted.add(url);
  console.warn(
    `<wt-onboarding>: no answer from the onboarding API at ${url} (the api-base attribute) for this page (${location.origin}). Check api-base, that the server runs, and that its ALLOWED_ORIGINS lets this origin in (CORS): docs/editors.md, "Is this page allowed?".`,
  );
}

/** How long before the session's end the notice appears: enough to read it and act (WCAG 2.2.1 asks 20 s). */
const SESSION_WARNING_SECONDS = 120;
/** Half the shortest SESSION_IDLE_MINUTES (1), and still more than WCAG 2.2.1's 20 s. */
const SESSION_WARNING_MIN_SECONDS = 30;

/**
 * How many seconds before the end the session notice appears. An idle end moves on with every request, so a
 * notice two minutes before it would, with an idle time of one or two minutes, be on screen nearly all the time
 * and say nothing; at most half the idle time (as far as the page has seen it: `idleSeenMs`) leaves the person the
 * other half undisturbed. A fixed end comes once and cannot move, so it gets the full two minutes. Never under
 * 30 s: an estimate from a late-seen end (an old state) could otherwise leave too little time to act.
 */
function sessionWarningSeconds(extendable: boolean, idleSeenMs: number): number {
  if (!extendable) return SESSION_WARNING_SECONDS;
  // To the nearest second: the answer arrives some milliseconds after the server set the end.
  const half = Math.round(idleSeenMs / 2000);
  return Math.min(SESSION_WARNING_SECONDS, Math.max(SESSION_WARNING_MIN_SECONDS, half));
}

function isPasswordStep(step: StepId): boolean {
  return step === 'account' || step === 'details' || step === 'password-new' || step === 'invitation';
}

/** The Credential Management API's constructor, where the browser has it (Chromium). */
type PasswordCredentialConstructor = new (data: { id: string; password: string; name?: string }) => Credential;

declare global {
  interface HTMLElementTagNameMap {
    'wt-onboarding': WtOnboarding;
  }
}
