import type { ReactiveController, ReactiveControllerHost } from 'lit';

// setTimeout's longest delay; a later moment is reached in several sleeps.
const MAX_DELAY = 2 ** 31 - 1;

/**
 * Counts down to a moment (the code steps' `resendAvailableAt`, the session's end) and re-renders the host once a
 * second until it has passed, so a countdown shows how long is left. Far from the moment it sleeps until the
 * countdown matters (`within`), so a session that ends in half an hour costs one timer, not 1800 renders. The
 * clock is injectable so tests need not wait.
 */
export class CountdownController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #now: () => number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** When the pending timer fires (ms since the epoch). */
  #due = 0;

  constructor(host: ReactiveControllerHost, now: () => number = Date.now) {
    this.#host = host;
    this.#now = now;
    host.addController(this);
  }

  /**
   * Whole seconds left until `target` (ms since the epoch); 0 once it has passed. Re-renders the host once a
   * second while fewer than `within` seconds are left, and once when that time comes.
   */
  secondsUntil(target: number, within = Infinity): number {
    const now = this.#now();
    const ms = target - now;
    const left = Math.max(0, Math.ceil(ms / 1000));
    if (left > 0) this.#schedule(now, left > within ? ms - within * 1000 : ms % 1000 || 1000);
    return left;
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #schedule(now: number, delay: number): void {
    // A pending timer that fires in time is kept; one that would fire too late (the target came nearer) is not.
    if (this.#timer !== undefined && this.#due <= now + delay) return;
    clearTimeout(this.#timer);
    this.#due = now + delay;
    this.#timer = setTimeout(
      () => {
        this.#timer = undefined;
        this.#host.requestUpdate();
      },
      Math.min(delay, MAX_DELAY),
    );
  }
}
