/**
 * How an eHerkenning round trip can fail, as the person meets it:
 * - `cancelled`: they chose to stop at the broker or supplier;
 * - `level_too_low`: they logged in below EH3 (or the broker did not say at which level);
 * - `failed`: anything that did not check out — a bad token, a wrong state, a KvK number that is not one;
 * - `broker_unavailable`: the broker could not be reached or answered with a server error.
 */
export type EherkenningErrorCode = 'cancelled' | 'level_too_low' | 'failed' | 'broker_unavailable';

/**
 * The one error the relying party throws. `code` drives what the person sees; `reason` is a short, stable,
 * secret-free text for the logs (a library error code or our own check), never shown to the person.
 */
export class EherkenningError extends Error {
  override readonly name = 'EherkenningError';
  readonly code: EherkenningErrorCode;
  readonly reason: string;
  /** The library's own words for what failed, when it was the library (static texts, no token content). */
  readonly detail: string | undefined;

  constructor(code: EherkenningErrorCode, reason: string, options?: { cause?: unknown; detail?: string }) {
    super(`eHerkenning ${code}: ${reason}${options?.detail ? ` (${options.detail})` : ''}`, { cause: options?.cause });
    this.code = code;
    this.reason = reason;
    this.detail = options?.detail;
  }
}

/** True when `error` is an {@link EherkenningError}. */
export function isEherkenningError(error: unknown): error is EherkenningError {
  return error instanceof EherkenningError;
}
