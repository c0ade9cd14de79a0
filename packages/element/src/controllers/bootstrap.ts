import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Where a {@link Bootstrap} is: the same numbers as `@lit/task`'s `TaskStatus`. */
export const BootstrapStatus = { INITIAL: 0, PENDING: 1, COMPLETE: 2, ERROR: 3 } as const;

/** A {@link BootstrapStatus} value. */
export type BootstrapStatus = (typeof BootstrapStatus)[keyof typeof BootstrapStatus];

/** What {@link Bootstrap.render} shows in each status. */
export interface BootstrapRenderer<Value, Output> {
  readonly initial?: () => Output;
  readonly pending?: () => Output;
  readonly complete?: (value: Value) => Output;
  readonly error?: (error: unknown) => Output;
}

/**
 * The one asynchronous job an element starts by itself (create the flow and restore it; load the members): the
 * part of `@lit/task` the elements use, in a fraction of its bytes (issue 6's size budget). Runs before the
 * host's update whenever `args` returns other strings than last time, aborts the run it replaces, and ignores
 * the answer of a run that was replaced; re-renders the host when it starts and when it ends.
 */
export class Bootstrap<Args extends readonly string[], Value> implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly job: (args: Args, options: { signal: AbortSignal }) => Promise<Value>;
  private readonly args: () => Args;
  private previous: Args | undefined;
  private calls = 0;
  private controller: AbortController | undefined;
  private current: BootstrapStatus = BootstrapStatus.INITIAL;
  private result: Value | undefined;
  private failure: unknown;

  constructor(
    host: ReactiveControllerHost,
    job: (args: Args, options: { signal: AbortSignal }) => Promise<Value>,
    args: () => Args,
  ) {
    this.host = host;
    this.job = job;
    this.args = args;
    host.addController(this);
  }

  /** Where the job is. */
  get status(): BootstrapStatus {
    return this.current;
  }

  /** The value of the last completed run. */
  get value(): Value | undefined {
    return this.result;
  }

  /** The error of the last failed run. */
  get error(): unknown {
    return this.failure;
  }

  hostUpdate(): void {
    const args = this.args();
    const previous = this.previous;
    if (previous && args.length === previous.length && args.every((arg, i) => arg === previous[i])) return;
    void this.run(args);
  }

  /** Runs the job (again), with `args` or the host's current ones; aborts a run under way. */
  async run(args: Args = this.args()): Promise<void> {
    this.previous = args;
    if (this.current === BootstrapStatus.PENDING) this.controller?.abort();
    this.current = BootstrapStatus.PENDING;
    this.host.requestUpdate();
    const call = ++this.calls;
    const controller = (this.controller = new AbortController());
    let status: BootstrapStatus = BootstrapStatus.COMPLETE;
    let value: Value | undefined;
    let error: unknown;
    try {
      value = await this.job(args, { signal: controller.signal });
    } catch (caught) {
      status = BootstrapStatus.ERROR;
      error = caught;
    }
    if (call !== this.calls) return;
    this.current = status;
    this.result = value;
    this.failure = error;
    this.host.requestUpdate();
  }

  /** What `renderer` gives for the current status. */
  render<Output>(renderer: BootstrapRenderer<Value, Output>): Output | undefined {
    switch (this.current) {
      case BootstrapStatus.INITIAL:
        return renderer.initial?.();
      case BootstrapStatus.PENDING:
        return renderer.pending?.();
      case BootstrapStatus.COMPLETE:
        return renderer.complete?.(this.result as Value);
      default:
        return renderer.error?.(this.failure);
    }
  }
}
