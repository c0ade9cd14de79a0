import assert from 'node:assert/strict';

/** A stack frame (`at fn (file:line:col)`), a source path, or an error class name leaking from the server. */
const LEAK_PATTERNS: readonly RegExp[] = [
  /\bat [^\s]+ \(/,
  /\bat (?:async )?(?:file:|node:|\/)/,
  /(?:file:\/\/|\/work\/|\/home\/|\/usr\/|node_modules|\.ts:\d+|\.js:\d+)/,
  /\b(?:TypeError|ReferenceError|SyntaxError|RangeError|DatabaseError|ZodError)\b/,
];

/** True when `text` shows internals a client must never see (L3, ASVS 16.5.1). */
export function leaks(text: string): boolean {
  return LEAK_PATTERNS.some((pattern) => pattern.test(text));
}

/** Asserts that `text` carries no stack frame, path or internal error name. */
export function assertNoLeak(text: string, what: string): void {
  const hit = LEAK_PATTERNS.find((pattern) => pattern.test(text));
  assert.equal(hit, undefined, `${what}: the answer shows internals (${String(hit)}): ${text.slice(0, 300)}`);
}
