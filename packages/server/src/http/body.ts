import { invalidBodyCode, validate } from '@wij-techniek/onboarding-contract';
import type { Context } from 'hono';
import type { z } from 'zod/mini';
import { problem } from '../problems.js';

/** Largest request body any endpoint accepts; checked before the body is read further (SECURITY.md P6). */
export const MAX_BODY_BYTES = 16 * 1024;

/**
 * Reads the JSON body and parses it with the contract's `schema`. Unknown fields are dropped by the schema, so
 * extra fields (`isAdmin`, `kvk`, `__proto__`) have no effect (L3). An empty body counts as `{}`.
 * Throws `invalid_email` when only the address is wrong, `invalid_request` otherwise, with `fields` (the
 * contract's `invalidBodyCode`, which the SDK uses too, so it refuses a body before sending with the same code).
 */
export async function readBody<S extends z.ZodMiniType>(c: Context, schema: S): Promise<z.output<S>> {
  const text = await c.req.text();
  let input: unknown = {};
  if (text.trim() !== '') {
    try {
      input = JSON.parse(text);
    } catch {
      throw problem('invalid_request', {
        detail: 'The body is not valid JSON. Send a JSON object.',
        fields: { '': ['The body is not valid JSON.'] },
      });
    }
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw problem('invalid_request', { detail: 'Send a JSON object.', fields: { '': ['Expected a JSON object.'] } });
  }
  const result = validate(schema, input);
  if (result.ok) return result.value;
  throw problem(invalidBodyCode(result.issues), { fields: result.issues });
}
