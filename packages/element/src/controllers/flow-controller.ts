import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task } from '@lit/task';
import {
  createOnboardingClient,
  createOnboardingFlow,
  type FlowEventMap,
  type FlowState,
  type Language,
  type OnboardingClientOptions,
  type OnboardingFlow,
} from '@wij-techniek/onboarding-sdk';
import { WtAccountCreatedEvent } from '../events/account-created.js';
import { WtEherkenningRedirectEvent } from '../events/eherkenning-redirect.js';
import { WtErrorEvent } from '../events/error.js';
import { WtSignedInEvent } from '../events/signed-in.js';
import { WtSignedOutEvent } from '../events/signed-out.js';
import { WtStepChangeEvent } from '../events/step-change.js';
import { WtVerifiedEvent } from '../events/verified.js';

/** What the flow controller needs of its host. */
export interface FlowHost extends ReactiveControllerHost, EventTarget {
  /** The API's prefix as a URL. */
  readonly apiBase: string;
  /** The page eHerkenning sends the person back to; empty for this page. */
  readonly returnTo: string;
}

/** How the flow controller creates a flow; the element passes its language and its anti-automation token. */
export interface FlowControllerOptions {
  readonly lang: () => Language;
  /** Given to the SDK client: the token sent with the sign-up and password-reset starts (the server's R5 hook). */
  readonly antiAutomationToken?: OnboardingClientOptions['antiAutomationToken'];
}

/**
 * Connects the host to one SDK {@link OnboardingFlow}: creates it and restores it from the session (the only
 * thing the element starts by itself, run as a `@lit/task` so a changed `api-base` aborts the old restore),
 * subscribes while the host is connected, re-renders on every change and mirrors the flow's events as the
 * element's `wt-*` events. The flow owns every rule; this controller only listens.
 */
export class FlowController implements ReactiveController {
  readonly #host: FlowHost;
  readonly #options: FlowControllerOptions;
  #connected = false;
  #detach: (() => void) | undefined;
  #current: OnboardingFlow | undefined;

  /** Creates the flow and restores it; re-runs when `apiBase` or `returnTo` change. */
  readonly bootstrap: Task<[string, string], OnboardingFlow>;

  constructor(host: FlowHost, options: FlowControllerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
    this.bootstrap = new Task(host, {
      task: async ([apiBase, returnTo], { signal }) => {
        const { antiAutomationToken } = this.#options;
        const flow = createOnboardingFlow({
          // The element builds the client only to hand it the token function; the SDK sends the header.
          client: createOnboardingClient({ apiBase, antiAutomationToken }),
          lang: this.#options.lang(),
          ...(returnTo ? { returnTo } : {}),
        });
        this.#use(flow);
        await flow.restore(signal);
        return flow;
      },
      args: () => [this.#host.apiBase, this.#host.returnTo],
    });
  }

  /** The flow, once created. */
  get flow(): OnboardingFlow | undefined {
    return this.#current;
  }

  /** The flow's state, once created. */
  get state(): FlowState | undefined {
    return this.#current?.state;
  }

  hostConnected(): void {
    this.#connected = true;
    if (this.#current) this.#attach(this.#current);
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#detach?.();
    this.#detach = undefined;
  }

  #use(flow: OnboardingFlow): void {
    this.#detach?.();
    this.#detach = undefined;
    this.#current = flow;
    if (this.#connected) this.#attach(flow);
  }

  #attach(flow: OnboardingFlow): void {
    const host = this.#host;
    const unsubscribe = flow.subscribe(() => host.requestUpdate());
    const listeners: FlowListeners = {
      stepchange: (e) => host.dispatchEvent(new WtStepChangeEvent({ step: e.step, previousStep: e.previousStep })),
      accountcreated: (e) => host.dispatchEvent(new WtAccountCreatedEvent({ account: e.account })),
      signedin: (e) => host.dispatchEvent(new WtSignedInEvent({ account: e.account })),
      signedout: (e) => host.dispatchEvent(new WtSignedOutEvent({ account: e.account })),
      verified: (e) => host.dispatchEvent(new WtVerifiedEvent({ organisation: e.organisation })),
      error: (e) => host.dispatchEvent(new WtErrorEvent({ code: e.error.code, step: e.step })),
      redirect: (e) => {
        // The host may take over navigation: cancelling ours cancels the flow's.
        if (
          !host.dispatchEvent(new WtEherkenningRedirectEvent({ supplierId: e.supplierId, redirectUrl: e.redirectUrl }))
        )
          e.preventDefault();
      },
    };
    const entries = Object.entries(listeners) as [string, EventListener][];
    for (const [type, listener] of entries) flow.addEventListener(type, listener);
    this.#detach = () => {
      unsubscribe();
      for (const [type, listener] of entries) flow.removeEventListener(type, listener);
    };
    host.requestUpdate();
  }
}

/** The flow's events the element mirrors as its own, each with a listener typed by the flow's event map. */
type FlowListeners = { [K in Exclude<keyof FlowEventMap, 'change'>]: (event: FlowEventMap[K]) => void };
