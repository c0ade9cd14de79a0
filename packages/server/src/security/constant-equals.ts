import { timingSafeEqual } from 'node:crypto';

/**
 * Compares two strings in time that does not depend on where they differ (SECURITY.md C6). Inputs are HMACs of
 * fixed length; when the lengths differ the answer is false without an early exit on content.
 */
export function constantEquals(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  if (left.length !== right.length) {
    timingSafeEqual(left, left);
    return false;
  }
  return timingSafeEqual(left, right);
}
