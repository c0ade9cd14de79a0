/** The server's notion of now. Everything time-dependent takes one, so tests move time instead of waiting. */
export type Clock = () => Date;

/** The real clock. */
export const systemClock: Clock = () => new Date();

/** `date` plus `seconds`. */
export function addSeconds(date: Date, seconds: number): Date {
  return new Date(date.getTime() + seconds * 1000);
}

/** Whole seconds from `now` until `later`, at least 1 (for `Retry-After`). */
export function secondsUntil(now: Date, later: Date): number {
  return Math.max(1, Math.ceil((later.getTime() - now.getTime()) / 1000));
}
