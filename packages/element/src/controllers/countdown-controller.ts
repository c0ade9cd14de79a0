import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Counts down to a moment (the code steps' `resendAvailableAt`) and re-renders the host once a second until it
 * has passed, so the resend button shows how long to wait and enables itself. The clock is injectable so tests
 * need not wait.
 */
export class CountdownController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #now: () => number;
  #target = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost, now: () => number = Date.now) {
    this.#host = host;
    this.#now = now;
    host.addController(this);
  }

  /** Whole seconds left until `target` (ms since the epoch); 0 once it has passed. Keeps ticking while > 0. */
  secondsUntil(target: number): number {
    this.#target = target;
    const left = Math.max(0, Math.ceil((target - this.#now()) / 1000));
    if (left > 0) this.#schedule();
    return left;
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #schedule(): void {
    if (this.#timer !== undefined) return;
    const remainder = (this.#target - this.#now()) % 1000;
    this.#timer = setTimeout(
      () => {
        this.#timer = undefined;
        this.#host.requestUpdate();
      },
      remainder > 0 ? remainder : 1000,
    );
  }
}
