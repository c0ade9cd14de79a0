/** What is wrong with an input, by field path (`""` for the input as a whole). */
export type FieldIssues = Record<string, string[]>;

/** The outcome of {@link validate}. */
export type Validation<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: FieldIssues };

/**
 * One problem a schema found, as zod reports it after parsing. `input` is listed for completeness: zod 4 drops
 * it from the issues it reports (unless asked to keep it), so a wrong type reads as a missing field.
 */
export interface SchemaIssue {
  readonly code: string;
  /** Where in the input: object keys and array indices, outermost first. */
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly input?: unknown;
  /** `invalid_type`: the type wanted. */
  readonly expected?: string;
  /** `invalid_value`: the values allowed. */
  readonly values?: readonly unknown[];
  /** `invalid_format`: `email`, `url`, `datetime`, `regex`. */
  readonly format?: string;
  /** `too_small`: the lower bound. */
  readonly minimum?: number | bigint;
  /** `too_big`: the upper bound. */
  readonly maximum?: number | bigint;
}

/** What a schema's `safeParse` answers. */
export type SafeParseResult<T> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly error: { readonly issues: readonly SchemaIssue[] } };

/**
 * What {@link validate} needs of a schema: a `safeParse`. The contract's zod schemas and the zod-free ones of the
 * `./lite` entry both have it, so the server and the SDK validate the same way whichever they import.
 */
export interface SafeParseSchema<T = unknown> {
  safeParse(input: unknown): SafeParseResult<T>;
}

/**
 * Parses `input` with `schema` and, on failure, lists a readable message per field, so that the server's
 * `invalid_request` problem and the SDK's field errors say exactly what to fix.
 */
export function validate<T>(schema: SafeParseSchema<T>, input: unknown): Validation<T> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const issues: FieldIssues = {};
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join('.');
    (issues[key] ??= []).push(describeIssue(issue));
  }
  return { ok: false, issues };
}

function describeIssue(issue: SchemaIssue): string {
  // zod's default messages ("Invalid input") do not say what to do; ours name the expectation.
  if (issue.message && issue.message !== 'Invalid input') return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'This field is required.' : `Expected ${String(issue.expected)}.`;
    case 'invalid_value':
      return `Expected one of: ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(', ')}.`;
    case 'invalid_format':
      return `Expected a valid ${String(issue.format)}.`;
    case 'too_small':
      return `Too short or too small (minimum ${String(issue.minimum)}).`;
    case 'too_big':
      return `Too long or too large (maximum ${String(issue.maximum)}).`;
    default:
      return 'This value is not valid.';
  }
}
