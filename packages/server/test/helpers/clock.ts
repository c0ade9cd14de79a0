/** A clock the test moves by hand. */
export class TestClock {
  ms: number;
  constructor(start = Date.parse('2026-03-02T09:00:00.000Z')) {
    this.ms = start;
  }
  readonly now = (): Date => new Date(this.ms);
  advance(seconds: number): void {
    this.ms += seconds * 1000;
  }
}
