import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task } from '@lit/task';
import {
  createOnboardingFlow,
  FlowAccountEvent,
  FlowErrorEvent,
  FlowRedirectEvent,
  FlowStepChangeEvent,
  FlowVerifiedEvent,
  type FlowEventMap,
  type FlowState,
  type Language,
  type OnboardingFlow,
} from '@wij-techniek/onboarding-sdk';
import { WtAccountCreatedEvent } from '../events/account-created.js';
import { WtEherkenningRedirectEvent } from '../events/eherkenning-redirect.js';
import { WtErrorEvent } from '../events/error.js';
import { WtSignedInEvent } from '../events/signed-in.js';
import { WtStepChangeEvent } from '../events/step-change.js';
import { WtVerifiedEvent } from '../events/verified.js';

/** What the flow controller needs of its host. */
export interface FlowHost extends ReactiveControllerHost, EventTarget {
  /** The API's prefix as a URL. */
  readonly apiBase: string;
  /** The page eHerkenning sends the person back to; empty for this page. */
  readonly returnTo: string;
}

/** How the flow controller creates a flow; the element passes its language. */
export interface FlowControllerOptions {
  readonly lang: () => Language;
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
        const flow = createOnboardingFlow({
          apiBase,
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
    const listeners: [keyof FlowEventMap, (event: Event) => void][] = [
      on('stepchange', FlowStepChangeEvent, (e) =>
        host.dispatchEvent(new WtStepChangeEvent({ step: e.step, previousStep: e.previousStep })),
      ),
      on('accountcreated', FlowAccountEvent, (e) =>
        host.dispatchEvent(new WtAccountCreatedEvent({ account: e.account })),
      ),
      on('signedin', FlowAccountEvent, (e) => host.dispatchEvent(new WtSignedInEvent({ account: e.account }))),
      on('verified', FlowVerifiedEvent, (e) =>
        host.dispatchEvent(new WtVerifiedEvent({ organisation: e.organisation })),
      ),
      on('error', FlowErrorEvent, (e) => host.dispatchEvent(new WtErrorEvent({ code: e.error.code, step: e.step }))),
      on('redirect', FlowRedirectEvent, (e) => {
        // The host may take over navigation: cancelling ours cancels the flow's.
        if (
          !host.dispatchEvent(new WtEherkenningRedirectEvent({ supplierId: e.supplierId, redirectUrl: e.redirectUrl }))
        )
          e.preventDefault();
      }),
    ];
    for (const [type, listener] of listeners) flow.addEventListener(type, listener);
    this.#detach = () => {
      unsubscribe();
      for (const [type, listener] of listeners) flow.removeEventListener(type, listener);
    };
    host.requestUpdate();
  }
}

/** A listener for `type` that only handles events of the SDK's class for it. */
function on<E extends Event>(
  type: keyof FlowEventMap,
  eventClass: new (...args: never[]) => E,
  handle: (event: E) => void,
): [keyof FlowEventMap, (event: Event) => void] {
  return [type, (event) => event instanceof eventClass && handle(event)];
}
