import { API_PREFIX, ENDPOINTS, ProblemSchema, validate, type EndpointName } from '@wij-techniek/onboarding-contract';
import { CodedTypeError, OnboardingError } from './errors.js';

/** A schema of the contract (zod/mini), as `validate` takes it. */
export type Schema = Parameters<typeof validate>[0];

/** Options every client method takes last. */
export interface RequestOptions {
  /** Aborts the request; the returned promise then rejects with the signal's reason, like `fetch`. */
  readonly signal?: AbortSignal | undefined;
}

/** How {@link createOnboardingClient} reaches the API. */
export interface OnboardingClientOptions {
  /**
   * The API's prefix as a URL (default `/api/v1`). A relative value is resolved against the page's `location`;
   * outside a browser pass an absolute URL.
   */
  readonly apiBase?: string | URL | undefined;
  /** The `fetch` to use (default: the global one), e.g. one that adds tracing. */
  readonly fetch?: typeof fetch | undefined;
  /** How long one request may take before it fails with `timeout` (default 15000 ms). */
  readonly timeoutMs?: number | undefined;
  /** How often a failed read (`GET`) is repeated after a network failure or a 502–504 (default 2). */
  readonly retries?: number | undefined;
  /** The first pause before a repeat, doubled each time (default 300 ms). */
  readonly retryDelayMs?: number | undefined;
}

/**
 * The methods of a client by endpoint name: the schema of the answer (none: the answer has no body) and of the
 * body (none: the endpoint takes no body). A method takes the endpoint's path parameters (`{organisationId}`, …) in
 * the order of its path, then the body, then {@link RequestOptions}.
 */
export type EndpointTable = Readonly<Partial<Record<EndpointName, readonly [output?: Schema, input?: Schema]>>>;

/**
 * Builds a client: one method per row of `table`, all sharing one transport made from `options`.
 *
 * @internal
 */
export function buildClient(options: OnboardingClientOptions, table: EndpointTable): object {
  if (typeof options !== 'object' || options === null) throw new CodedTypeError('options must be an object');
  const fetchFn = options.fetch ?? globalThis.fetch;
  if (typeof fetchFn !== 'function') throw new CodedTypeError('options.fetch must be a function');
  const apiBase = options.apiBase ?? API_PREFIX;
  if (typeof apiBase !== 'string' && !(apiBase instanceof URL)) {
    throw new CodedTypeError('options.apiBase must be a string or a URL');
  }
  const client: Record<string, unknown> = {};
  try {
    client.apiBase = new URL(apiBase, (globalThis as { location?: { href: string } }).location?.href);
  } catch {
    throw new CodedTypeError(
      `options.apiBase "${String(apiBase)}" is not a URL; outside a browser give an absolute one`,
    );
  }
  const transport: Transport = [
    client.apiBase as URL,
    // Called unbound: a browser's fetch throws "Illegal invocation" when `this` is something else.
    (input, init) => fetchFn(input, init),
    count(options, 'timeoutMs', 15_000),
    count(options, 'retries', 2),
    count(options, 'retryDelayMs', 300),
  ];
  for (const [name, [output, input]] of Object.entries(table)) {
    client[name] = (...args: unknown[]) => send(transport, name as EndpointName, args, input, output);
  }
  return client;
}

function count(options: OnboardingClientOptions, name: 'timeoutMs' | 'retries' | 'retryDelayMs', fallback: number) {
  const value = options[name] ?? fallback;
  if (typeof value !== 'number' || !(value >= 0 && value < Infinity)) {
    throw new CodedTypeError(`options.${name} must be a number of at least 0`);
  }
  return value;
}

/** Where and how requests go: the API prefix, `fetch`, the timeout, retries and the first retry delay. */
type Transport = readonly [URL, typeof fetch, number, number, number];

const JSON_TYPE = 'application/json';

// A gateway in front of the server answers 502–504 when it cannot reach it: the service is away, not broken.
const isGateway = (status: number) => status > 501 && status < 505;

/** Sends one request and turns every way it can go wrong into an {@link OnboardingError}. */
async function send(
  [apiBase, fetchFn, timeoutMs, retries, retryDelayMs]: Transport,
  name: EndpointName,
  args: unknown[],
  input: Schema | undefined,
  output: Schema | undefined,
): Promise<unknown> {
  const { method, path, status } = ENDPOINTS[name];
  const url = new URL(
    apiBase.pathname.replace(/\/$/u, '') +
      path.replace(/\{\w+\}/gu, () => {
        const id = args.shift();
        if (typeof id !== 'string' || !id) throw new CodedTypeError(`${name}: ids must be non-empty strings`);
        return encodeURIComponent(id);
      }),
    apiBase,
  );
  // State-changing requests always carry a JSON body: the server's origin check accepts nothing else (S6).
  let body = method === 'GET' ? undefined : '{}';
  if (input) {
    const value = args.shift();
    if (typeof value !== 'object' || !value) throw new CodedTypeError(`${name}: the body must be an object`);
    const checked = validate(input, value);
    if (!checked.ok) {
      throw new OnboardingError('invalid_request', `${name}: invalid ${Object.keys(checked.issues).join(', ')}`, {
        fields: checked.issues,
      });
    }
    body = JSON.stringify(checked.value);
  }
  const options = args[0] ?? {};
  if (typeof options !== 'object' || !options) throw new CodedTypeError('options must be an object');
  const { signal } = options as RequestOptions;
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new CodedTypeError('options.signal must be an AbortSignal');
  }
  const headers: Record<string, string> = { Accept: `${JSON_TYPE}, application/problem+json` };
  if (body) headers['Content-Type'] = JSON_TYPE;

  // Only reads are repeated, and only when the failure says nothing about the request itself: the network, or a
  // gateway that could not reach the server. A POST is never repeated, so nothing happens twice.
  for (let attempt = method === 'GET' ? retries : 0; ; attempt--) {
    signal?.throwIfAborted();
    const timeout = AbortSignal.timeout(timeoutMs);
    let response: Response | undefined;
    let failure: OnboardingError | undefined;
    try {
      response = await fetchFn(url, {
        method,
        headers,
        body,
        credentials: 'include',
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (timeout.aborted)
        throw new OnboardingError('timeout', `${name}: no answer in ${timeoutMs} ms`, { cause: error });
      failure = new OnboardingError('network_error', `${name}: the server could not be reached`, { cause: error });
    }
    if (response?.status === status) {
      if (!output) return discard(response);
      const parsed = output.safeParse(await readJson(response));
      if (parsed.success) return parsed.data;
      throw new OnboardingError('invalid_response', `${name}: the answer breaks the contract`, {
        status,
        cause: parsed.error,
      });
    }
    if (attempt > 0 && (!response || isGateway(response.status))) {
      discard(response);
      const delay = retryDelayMs * 2 ** (retries - attempt);
      await new Promise((resolve, reject) => {
        setTimeout(resolve, delay);
        // The caller's own abort reason, as fetch rejects with it.
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
        signal?.addEventListener('abort', () => reject(signal.reason));
      });
      continue;
    }
    throw failure ?? (await readProblem(response!, name));
  }
}

/** Frees a body nobody reads. Not awaited: a stream's cancel may settle late (or, in mocks, never). */
function discard(response: Response | undefined): undefined {
  response?.body?.cancel().catch(() => undefined);
  return undefined;
}

/** The body as JSON, or `undefined` when it is not JSON (which no schema accepts). */
const readJson = (response: Response): Promise<unknown> => response.json().catch(() => undefined);

async function readProblem(response: Response, name: EndpointName): Promise<OnboardingError> {
  const { status, headers } = response;
  const parsed = ProblemSchema.safeParse(
    headers.get('Content-Type')?.includes('json') ? await readJson(response) : discard(response),
  );
  if (!parsed.success) {
    return new OnboardingError(
      isGateway(status) ? 'service_unavailable' : 'invalid_response',
      `${name} answered ${status} without problem details`,
      { status },
    );
  }
  const problem = parsed.data;
  const retryAfter = String(headers.get('Retry-After'));
  return new OnboardingError(problem.code, problem.detail ?? problem.title, {
    status,
    attemptsLeft: problem.attemptsLeft,
    retryAfterSeconds: problem.retryAfterSeconds ?? (/^\d+$/u.test(retryAfter) ? Number(retryAfter) : undefined),
    violations: problem.violations,
    fields: problem.fields,
    step: problem.step,
    problem,
  });
}
