import {
  ENDPOINTS,
  ProblemSchema,
  endpointPath,
  validate,
  type EndpointName,
  type FieldIssues,
} from '@wij-techniek/onboarding-contract';
import { CodedTypeError, OnboardingError } from './errors.js';

/** A schema of the contract (zod/mini), as `validate` takes it. */
export type Schema = Parameters<typeof validate>[0];

/** Options every client method takes last. */
export interface RequestOptions {
  /** Aborts the request; the returned promise then rejects with the signal's reason, like `fetch`. */
  readonly signal?: AbortSignal | undefined;
}

/** How a {@link Transport} sends requests; see `OnboardingClientOptions`. */
export interface TransportOptions {
  readonly apiBase: URL;
  readonly fetch: typeof fetch;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly retryDelayMs: number;
}

/** One call of an endpoint: its path parameters, body and schemas. */
export interface Call {
  /** Path parameters; each must be a non-empty string. */
  readonly params?: Readonly<Record<string, unknown>>;
  /** The body schema, checked before anything leaves; the parsed (normalised) value is sent. */
  readonly input?: Schema;
  readonly body?: unknown;
  /** The answer schema, checked when it arrives; `undefined` for answers without a body. */
  readonly output?: Schema;
  readonly options?: RequestOptions | undefined;
}

// Only reads are repeated, and only when the failure says nothing about the request itself: the network, or a
// gateway that could not reach the server. A POST is never repeated, so nothing happens twice.
const RETRY_STATUSES = new Set([502, 503, 504]);

const JSON_TYPE = 'application/json';

/** Sends one request of the contract and turns every way it can go wrong into an {@link OnboardingError}. */
export async function send<Out>(transport: TransportOptions, name: EndpointName, call: Call): Promise<Out> {
  const endpoint = ENDPOINTS[name];
  const signal = checkOptions(call.options);
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(call.params ?? {})) {
    if (typeof value !== 'string' || value === '')
      throw new CodedTypeError(`${name}: ${key} must be a non-empty string`);
    params[key] = value;
  }
  let body: string | undefined;
  if (call.input) {
    if (typeof call.body !== 'object' || call.body === null) {
      throw new CodedTypeError(`${name}: the request body must be an object`);
    }
    const checked = validate(call.input, call.body);
    if (!checked.ok) throw invalidRequest(checked.issues);
    body = JSON.stringify(checked.value);
  } else if (endpoint.method !== 'GET') {
    // State-changing requests always carry a JSON body: the server's origin check accepts nothing else (S6).
    body = '{}';
  }
  const url = new URL(transport.apiBase.pathname.replace(/\/$/u, '') + endpointPath(name, params), transport.apiBase);
  const headers: Record<string, string> = { Accept: `${JSON_TYPE}, application/problem+json` };
  if (body !== undefined) headers['Content-Type'] = JSON_TYPE;

  const attempts = endpoint.method === 'GET' ? transport.retries + 1 : 1;
  for (let attempt = 1; ; attempt++) {
    const last = attempt >= attempts;
    let response: Response;
    try {
      response = await fetchWithTimeout(transport, url, { method: endpoint.method, headers, body }, signal);
    } catch (error) {
      if (error instanceof OnboardingError && error.code === 'network_error' && !last) {
        await pause(transport.retryDelayMs * 2 ** (attempt - 1), signal);
        continue;
      }
      throw error;
    }
    if (response.status === endpoint.status) return readAnswer<Out>(response, name, call.output);
    if (!last && RETRY_STATUSES.has(response.status)) {
      discard(response);
      await pause(transport.retryDelayMs * 2 ** (attempt - 1), signal);
      continue;
    }
    throw await readProblem(response, name);
  }
}

function checkOptions(options: RequestOptions | undefined): AbortSignal | undefined {
  if (options === undefined) return undefined;
  if (typeof options !== 'object' || options === null) throw new CodedTypeError('options must be an object');
  const { signal } = options;
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new CodedTypeError('options.signal must be an AbortSignal');
  }
  return signal;
}

function invalidRequest(issues: FieldIssues): OnboardingError {
  const summary = Object.entries(issues)
    .map(([field, messages]) => `${field || 'body'}: ${messages.join(' ')}`)
    .join('; ');
  return new OnboardingError('invalid_request', `The request is not valid: ${summary}`, { fields: issues });
}

async function fetchWithTimeout(
  transport: TransportOptions,
  url: URL,
  init: RequestInit,
  signal: AbortSignal | undefined,
): Promise<Response> {
  signal?.throwIfAborted();
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, transport.timeoutMs);
  const forward = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', forward, { once: true });
  try {
    return await transport.fetch(url, { ...init, credentials: 'include', signal: controller.signal });
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (timedOut) {
      throw new OnboardingError('timeout', `The server did not answer within ${transport.timeoutMs} ms. Try again.`, {
        cause: error,
      });
    }
    throw new OnboardingError('network_error', 'The server could not be reached. Check the connection and try again.', {
      cause: error,
    });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forward);
  }
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener('abort', abort);
      resolve();
    }
    function abort() {
      clearTimeout(timer);
      // The caller's own abort reason, as fetch rejects with it.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      reject(signal?.reason);
    }
    signal?.addEventListener('abort', abort, { once: true });
  });
}

/** Frees a body nobody reads. Not awaited: a stream's cancel may settle late (or, in mocks, never). */
function discard(response: Response): void {
  if (response.body && !response.bodyUsed) response.body.cancel().catch(() => undefined);
}

/** The body as JSON, or `undefined` when it is not JSON (which no schema accepts). */
async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}

async function readAnswer<Out>(response: Response, name: EndpointName, schema: Schema | undefined): Promise<Out> {
  if (!schema) {
    discard(response);
    return undefined as Out;
  }
  const json = await readJson(response);
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data as Out;
  throw new OnboardingError('invalid_response', `The answer of ${name} does not match the contract.`, {
    status: response.status,
    cause: parsed.error,
  });
}

async function readProblem(response: Response, name: EndpointName): Promise<OnboardingError> {
  const { status } = response;
  const json = (response.headers.get('Content-Type') ?? '').includes('json') ? await readJson(response) : undefined;
  const parsed = ProblemSchema.safeParse(json);
  if (!parsed.success) {
    discard(response);
    // A proxy in front of the server answers 502–504 with a page of its own: the service is away, not broken.
    const code = status >= 502 && status <= 504 ? 'service_unavailable' : 'invalid_response';
    return new OnboardingError(code, `${name} answered ${status} without problem details.`, { status });
  }
  const problem = parsed.data;
  const retryAfter = Number(response.headers.get('Retry-After') ?? Number.NaN);
  return new OnboardingError(problem.code, problem.detail ?? problem.title, {
    status,
    attemptsLeft: problem.attemptsLeft,
    retryAfterSeconds:
      problem.retryAfterSeconds ?? (Number.isInteger(retryAfter) && retryAfter >= 0 ? retryAfter : undefined),
    violations: problem.violations,
    fields: problem.fields,
    step: problem.step,
    problem,
  });
}
