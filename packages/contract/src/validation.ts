import type { z } from 'zod/mini';

/** What is wrong with an input, by field path (`""` for the input as a whole). */
export type FieldIssues = Record<string, string[]>;

/** The outcome of {@link validate}. */
export type Validation<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: FieldIssues };

/**
 * Parses `input` with `schema` and, on failure, lists a readable message per field, so that the server's
 * `invalid_request` problem and the SDK's field errors say exactly what to fix.
 */
export function validate<S extends z.ZodMiniType>(schema: S, input: unknown): Validation<z.output<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const issues: FieldIssues = {};
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join('.');
    (issues[key] ??= []).push(describeIssue(issue));
  }
  return { ok: false, issues };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  // zod's default messages ("Invalid input") do not say what to do; ours name the expectation.
  if (issue.message && issue.message !== 'Invalid input') return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'This field is required.' : `Expected ${issue.expected}.`;
    case 'invalid_value':
      return `Expected one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`;
    case 'invalid_format':
      return `Expected a valid ${issue.format}.`;
    case 'too_small':
      return `Too short or too small (minimum ${String(issue.minimum)}).`;
    case 'too_big':
      return `Too long or too large (maximum ${String(issue.maximum)}).`;
    default:
      return 'This value is not valid.';
  }
}
