/** Limits how many tasks run at once; the rest wait in order (SECURITY.md P6). */
export class Semaphore {
  readonly capacity: number;
  #active = 0;
  #peak = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
    this.capacity = capacity;
  }

  /** Runs `task` when a slot is free. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#active >= this.capacity) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    this.#active++;
    this.#peak = Math.max(this.#peak, this.#active);
    try {
      return await task();
    } finally {
      this.#active--;
      this.#waiting.shift()?.();
    }
  }

  /** Tasks running now, waiting now, and the most that ever ran at once. */
  stats(): { active: number; waiting: number; peak: number } {
    return { active: this.#active, waiting: this.#waiting.length, peak: this.#peak };
  }
}
