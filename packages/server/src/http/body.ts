import {
  invalidBodyCode,
  ONBOARDING_ENDPOINT_SCHEMAS,
  ORGANISATION_ENDPOINT_SCHEMAS,
  validate,
} from '@wij-techniek/onboarding-contract';
import type { Context } from 'hono';
import type { z } from 'zod/mini';
import { problem } from '../problems.js';

/** Largest request body any endpoint accepts; checked before the body is read further (SECURITY.md P6). */
export const MAX_BODY_BYTES = 16 * 1024;

/** The contract's schemas of every endpoint, by name: the tables the SDK builds its client from. */
const ENDPOINT_SCHEMAS = { ...ONBOARDING_ENDPOINT_SCHEMAS, ...ORGANISATION_ENDPOINT_SCHEMAS };
type EndpointSchemaTable = typeof ENDPOINT_SCHEMAS;

/** The body schema of `endpoint` in the contract's tables (`never` for one without a body). */
type BodySchemaOf<N extends keyof EndpointSchemaTable> = EndpointSchemaTable[N] extends {
  readonly body: infer S extends z.ZodMiniType;
}
  ? S
  : never;

/** The endpoints that take a JSON body. */
export type BodyEndpoint = {
  [N in keyof EndpointSchemaTable]: BodySchemaOf<N> extends never ? never : N;
}[keyof EndpointSchemaTable];

/**
 * Reads the JSON body of `endpoint` and parses it with that endpoint's body schema in the contract's tables, the
 * one the SDK checks before sending, so server and client can never check a body against two different schemas.
 * Unknown fields are dropped by the schema, so extra fields (`isAdmin`, `kvk`, `__proto__`) have no effect (L3).
 * An empty body counts as `{}`. Throws `invalid_email` when only the address is wrong, `invalid_request`
 * otherwise, with `fields` (the contract's `invalidBodyCode`, which the SDK uses too, so it refuses a body before
 * sending with the same code).
 */
export async function readBody<N extends BodyEndpoint>(c: Context, endpoint: N): Promise<z.output<BodySchemaOf<N>>> {
  const entry: { readonly body?: z.ZodMiniType } = ENDPOINT_SCHEMAS[endpoint];
  // BodyEndpoint admits only entries with a body, and the value parse gives back is that schema's output.
  return (await parseBody(c, entry.body!)) as z.output<BodySchemaOf<N>>;
}

/** The JSON body of the request, parsed with `schema`; see {@link readBody}. */
async function parseBody(c: Context, schema: z.ZodMiniType): Promise<unknown> {
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
