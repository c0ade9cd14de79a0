/**
 * A small schema toolkit without zod, for code that ships to browsers. It reproduces what zod/mini 4.6.7 does for
 * the combinations the contract uses — the same output (unknown keys stripped, transforms applied) and the same
 * issues (code, path, message and the fields `validate` reads) — and no more: it is not a general zod
 * replacement. `test/lite.test.ts` proves the two agree on generated inputs. No `new Function`, so it runs under a
 * strict Content Security Policy.
 *
 * @packageDocumentation
 */
import type { SafeParseResult, SafeParseSchema, SchemaIssue } from '../validation.js';

/** An issue while it is being built: parents prefix its path with their key. */
interface Issue extends SchemaIssue {
  path: PropertyKey[];
}

/** What a schema makes of an input: the (transformed) value and the issues, with paths relative to the input. */
export interface Parsed {
  value: unknown;
  readonly issues: Issue[];
}

/** A schema of the lite entry, parsing like the zod schema of the same name. */
export interface Schema<T> extends SafeParseSchema<T> {
  /**
   * Parses `input`; composing schemas call this, everybody else `safeParse`.
   *
   * @internal
   */
  readonly run: (input: unknown) => Parsed;
}

/** A schema whose key may be absent from an object (zod's `optional`). */
export interface OptionalSchema<T> extends Schema<T | undefined> {
  readonly optional: true;
}

/** The output type of a schema. */
export type Infer<S> = S extends Schema<infer T> ? T : never;

/** The fields `validate` reads of an issue, besides its code. */
type Details = Omit<SchemaIssue, 'code' | 'path' | 'message'>;

/** What a check reports when the value breaks it. */
type Broken = Details & { readonly code: string };

/**
 * A rule for a value of the schema's type (zod's `.check(...)`). `test` may replace the value (the URL check
 * trims it, as zod's does).
 */
export interface Check {
  readonly test: (value: never, parsed: Parsed) => Broken | undefined;
  readonly message?: string | undefined;
  /** zod runs a length check even on a value of the wrong type, as long as it has a `length`. */
  readonly length?: boolean;
}

// zod/mini loads no locale, so every issue without a message of its own says this; `validate` then explains it.
const INVALID = 'Invalid input';

const issue = (code: string, details?: Details, message = INVALID): Issue => ({ ...details, code, path: [], message });

const fail = (code: string, details: Details): Parsed => ({ value: undefined, issues: [issue(code, details)] });

/** Adds `parsed`'s issues to `issues` under `key`. */
function collect(issues: Issue[], key: PropertyKey, parsed: Parsed): void {
  for (const found of parsed.issues) {
    found.path.unshift(key);
    issues.push(found);
  }
}

/* @__NO_SIDE_EFFECTS__ */
function schema<T>(run: (input: unknown) => Parsed): Schema<T> {
  return {
    run,
    safeParse(input: unknown): SafeParseResult<T> {
      const { value, issues } = run(input);
      return issues.length ? { success: false, error: { issues } } : { success: true, data: value as T };
    },
  };
}

// zod/mini's order: the type, then every check. After a wrong type only length checks still run, on anything
// with a `length`; after a non-integer (an issue zod marks as final) no check runs, and none of the contract's
// schemas has a length check after `int`. `parse` (an array's elements) runs last, and only when all is well:
// zod refuses an array that is too long before it looks at the elements.
/* @__NO_SIDE_EFFECTS__ */
function typed<T>(
  expected: string,
  is: (input: unknown) => boolean,
  checks: readonly Check[],
  message?: string,
  parse?: (input: never) => Parsed,
) {
  return schema<T>((input) => {
    const parsed: Parsed = { value: input, issues: [] };
    let stopped = !is(input);
    if (stopped) parsed.issues.push(issue('invalid_type', { expected }, message));
    for (const check of checks) {
      const value = parsed.value as { length?: unknown } | null | undefined;
      if (check.length ? value?.length === undefined : stopped) continue;
      const broken = check.test(value as never, parsed);
      if (!broken) continue;
      parsed.issues.push(issue(broken.code, broken, check.message ?? message));
      stopped ||= broken.code === 'invalid_type';
    }
    return parse && !parsed.issues.length ? parse(input as never) : parsed;
  });
}

/** zod measures strings in code points: a surrogate pair counts once. */
const lengthOf = (value: string | { length: number }): number =>
  typeof value === 'string' ? [...value].length : value.length;

/** At least `minimum` characters (code points) or elements. */
export const minLength = (minimum: number, message?: string): Check => ({
  length: true,
  message,
  test: (value: string) => (lengthOf(value) >= minimum ? undefined : { code: 'too_small', minimum }),
});

/** At most `maximum` characters (code points) or elements. */
export const maxLength = (maximum: number, message?: string): Check => ({
  length: true,
  message,
  test: (value: string) => (lengthOf(value) <= maximum ? undefined : { code: 'too_big', maximum }),
});

const format = (name: string, pattern: RegExp, message?: string): Check => ({
  message,
  test: (value: string) => (pattern.test(value) ? undefined : { code: 'invalid_format', format: name }),
});

/** Matches `pattern`. */
export const regex = (pattern: RegExp, message?: string): Check => format('regex', pattern, message);

/** Passes `test` (zod's `refine`). */
export const refine = <T>(test: (value: T) => boolean, message: string): Check => ({
  message,
  test: (value: T) => (test(value) ? undefined : { code: 'custom' }),
});

/** A string. */
/* @__NO_SIDE_EFFECTS__ */
export function string(...checks: Check[]): Schema<string> {
  return typed<string>('string', (input) => typeof input === 'string', checks);
}

// zod 4.6.7's `z.email()` pattern, copied verbatim (regexes.email).
// eslint-disable-next-line no-useless-escape -- kept character for character as zod writes it
const EMAIL = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;

/** An e-mail address as `z.email({ message })` accepts it; `message` is also that of the further `checks`. */
/* @__NO_SIDE_EFFECTS__ */
export function email(message: string, ...checks: Check[]): Schema<string> {
  return typed<string>('string', (input) => typeof input === 'string', [format('email', EMAIL), ...checks], message);
}

// zod 4.6.7's `z.iso.datetime()` pattern with its default options (UTC `Z` only, seconds required, any fraction).
const DATETIME =
  /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))T(?:(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z))$/;

/** An ISO 8601 date-time in UTC, as `z.iso.datetime()` accepts it. */
/* @__NO_SIDE_EFFECTS__ */
export function datetime(): Schema<string> {
  return string(format('datetime', DATETIME));
}

// The contract builds without DOM or Node types; browsers and Node both have the URL parser.
declare const URL: new (input: string) => unknown;

function parsesAsUrl(text: string): boolean {
  try {
    return Boolean(new URL(text));
  } catch {
    return false;
  }
}

// zod's `$ZodURL` with `protocol: /^https?$/`: the trimmed input must start with `http://` or `https://` (any
// case) and parse as a URL; the parser then always reports http or https, so zod's protocol test cannot fail.
// The value becomes the trimmed input without tabs and line breaks, which the URL parser ignores too.
const httpUrlCheck: Check = {
  test: (value: string, parsed) => {
    const trimmed = value.trim();
    if (!/^https?:\/\//i.test(trimmed) || !parsesAsUrl(trimmed)) return { code: 'invalid_format', format: 'url' };
    parsed.value = trimmed.replace(/[\t\n\r]/g, '');
    return undefined;
  },
};

/** An http or https URL, as `z.url({ protocol: /^https?$/ })` accepts (and trims) it. */
/* @__NO_SIDE_EFFECTS__ */
export function httpUrl(...checks: Check[]): Schema<string> {
  return string(httpUrlCheck, ...checks);
}

/** A finite number (zod refuses `NaN` and the infinities). */
/* @__NO_SIDE_EFFECTS__ */
export function number(...checks: Check[]): Schema<number> {
  return typed<number>('number', Number.isFinite, checks);
}

/** A safe integer (zod's `int()`). */
export const int: Check = {
  test: (value: number) =>
    !Number.isInteger(value)
      ? { code: 'invalid_type', expected: 'int' }
      : Number.isSafeInteger(value)
        ? undefined
        : value > 0
          ? { code: 'too_big', maximum: Number.MAX_SAFE_INTEGER }
          : { code: 'too_small', minimum: Number.MIN_SAFE_INTEGER },
};

/** At least `value`. */
export const minimum = (value: number): Check => ({
  test: (input: number) => (input >= value ? undefined : { code: 'too_small', minimum: value }),
});

/** At most `value`. */
export const maximum = (value: number): Check => ({
  test: (input: number) => (input <= value ? undefined : { code: 'too_big', maximum: value }),
});

/** Zero or more. */
export const nonnegative = minimum(0);

/** More than zero. */
export const positive: Check = { test: (input: number) => (input > 0 ? undefined : { code: 'too_small', minimum: 0 }) };

/** `true` or `false`. */
/* @__NO_SIDE_EFFECTS__ */
export function boolean(): Schema<boolean> {
  return typed<boolean>('boolean', (input) => typeof input === 'boolean', []);
}

/** One of `values` (zod's `enum`). */
/* @__NO_SIDE_EFFECTS__ */
export function enumOf<const V extends readonly string[]>(values: V): Schema<V[number]> {
  return schema((input) =>
    values.includes(input as string) ? { value: input, issues: [] } : fail('invalid_value', { values }),
  );
}

/** `null` or what `inner` accepts. */
/* @__NO_SIDE_EFFECTS__ */
export function nullable<T>(inner: Schema<T>): Schema<T | null> {
  return schema((input) => (input === null ? { value: null, issues: [] } : inner.run(input)));
}

/** `undefined` or what `inner` accepts; in an object the key may be absent. */
/* @__NO_SIDE_EFFECTS__ */
export function optional<T>(inner: Schema<T>): OptionalSchema<T> {
  return {
    ...schema<T | undefined>((input) => (input === undefined ? { value: input, issues: [] } : inner.run(input))),
    optional: true,
  };
}

/**
 * An array of what `element` accepts, with at most `maximum` elements (zod's `z.array(…).check(z.maxLength(n))`,
 * which refuses a longer array with that one issue, and reports the length of anything else with a `length`).
 */
/* @__NO_SIDE_EFFECTS__ */
export function array<T>(element: Schema<T>, maximum?: number): Schema<T[]> {
  const checks = maximum === undefined ? [] : [maxLength(maximum)];
  return typed<T[]>('array', Array.isArray, checks, undefined, (input: unknown[]) => {
    const value: unknown[] = [];
    const issues: Issue[] = [];
    for (let index = 0; index < input.length; index++) {
      const parsed = element.run(input[index]);
      collect(issues, index, parsed);
      value[index] = parsed.value;
    }
    return { value, issues };
  });
}

type Shape = Readonly<Record<string, Schema<unknown>>>;

type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends { optional: true } ? K : never }[keyof S];

/** The output of {@link object}: optional schemas make optional keys. */
export type ObjectOf<S extends Shape> = {
  [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]>;
} & { [K in OptionalKeys<S>]?: Infer<S[K]> };

const isObject = (input: unknown): input is Record<string, unknown> =>
  typeof input === 'object' && input !== null && !Array.isArray(input);

/**
 * An object with the keys of `shape`; other keys are dropped (zod/mini's `z.object`). A key that is present is
 * kept even when its value is `undefined`; an absent optional key stays absent. (zod also reports an absent key
 * whose schema takes `undefined` without being optional; no schema of the contract is like that.)
 */
/* @__NO_SIDE_EFFECTS__ */
export function object<S extends Shape>(shape: S): Schema<ObjectOf<S>> {
  return schema((input) => {
    if (!isObject(input)) return fail('invalid_type', { expected: 'object' });
    const value: Record<string, unknown> = {};
    const issues: Issue[] = [];
    for (const key in shape) {
      const field = shape[key] as Schema<unknown> | OptionalSchema<unknown>;
      const present = key in input;
      if (!present && 'optional' in field) continue;
      const parsed = field.run(input[key]);
      collect(issues, key, parsed);
      if (present) value[key] = parsed.value;
    }
    return { value, issues };
  });
}

// zod's `isPlainObject`, which decides what a record accepts.
function isPlainObject(input: unknown): input is Record<string, unknown> {
  if (!isObject(input)) return false;
  const constructor: unknown = input.constructor;
  if (typeof constructor !== 'function') return true;
  const prototype: unknown = constructor.prototype;
  return isObject(prototype) && Object.prototype.hasOwnProperty.call(prototype, 'isPrototypeOf');
}

/**
 * An object with any string keys, each value accepted by `value` (zod's `z.record(z.string(), value)`). Symbol
 * keys, which zod refuses, are ignored: they cannot come from JSON.
 */
/* @__NO_SIDE_EFFECTS__ */
export function record<T>(value: Schema<T>): Schema<Record<string, T>> {
  return schema((input) => {
    if (!isPlainObject(input)) return fail('invalid_type', { expected: 'record' });
    const output: Record<string, unknown> = {};
    const issues: Issue[] = [];
    for (const key of Object.keys(input)) {
      // As zod: an own `__proto__` key (JSON.parse makes one) is neither checked nor copied.
      if (key === '__proto__') continue;
      const parsed = value.run(input[key]);
      collect(issues, key, parsed);
      output[key] = parsed.value;
    }
    return { value: output, issues };
  });
}

/** What `first` accepts, then `map`ped (zod's `z.pipe(first, z.transform(map))`). */
/* @__NO_SIDE_EFFECTS__ */
export function transform<I, O>(first: Schema<I>, map: (value: I) => O): Schema<O> {
  return schema((input) => {
    const parsed = first.run(input);
    return parsed.issues.length ? parsed : { value: map(parsed.value as I), issues: [] };
  });
}

/** What `first` accepts, then parsed by `second`; `second` only runs when `first` found nothing wrong. */
/* @__NO_SIDE_EFFECTS__ */
export function pipe<T>(first: Schema<unknown>, second: Schema<T>): Schema<T> {
  return schema((input) => {
    const parsed = first.run(input);
    return parsed.issues.length ? parsed : second.run(parsed.value);
  });
}
