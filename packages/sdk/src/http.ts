import {
  API_PREFIX,
  ENDPOINTS,
  ProblemSchema,
  invalidBodyCode,
  validate,
  type EndpointName,
  type EndpointSchemas,
} from '@wij-techniek/onboarding-contract/lite';
import { CodedTypeError, OnboardingError, must } from './errors.js';

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
  /**
   * Gives the token of a CAPTCHA or proof-of-work for the server's anti-automation hook, which guards the two
   * requests that send a mail to an address anyone may type: `route` is `'/signup/email'` (`signupEmail`) or
   * `'/password/forgot'` (`passwordForgot`). Asked once before each of those two requests and never before
   * another, after the body was checked (an invalid address spends no token), and sent as the
   * `Anti-Automation-Token` header; `undefined` or `''` sends none. A token is single use: give a fresh one each
   * time (reset the widget once its token is taken). When it throws or rejects, nothing is sent and the request
   * fails with `service_unavailable`, the error as `cause`; a value that is not a string rejects with a
   * {@link CodedTypeError}.
   */
  readonly antiAutomationToken?:
    ((route: '/signup/email' | '/password/forgot') => string | undefined | Promise<string | undefined>) | undefined;
}

/**
 * The methods of a client by endpoint name, with the schemas of each endpoint (the contract's tables). A method
 * takes the endpoint's path parameters (`{organisationId}`, …) in the order of its path, then the body (when the
 * endpoint takes one), then {@link RequestOptions}.
 */
export type EndpointTable = Readonly<Partial<Record<EndpointName, EndpointSchemas>>>;

/**
 * Builds a client: one method per row of `table`, all sending through the `fetch`, prefix, timeout and retries of
 * `options`. `path` takes the path parameters a method starts with off its arguments and fills them in. A method turns every way a request can go wrong into an {@link OnboardingError}; misuse rejects
 * with a {@link CodedTypeError}.
 *
 * @internal
 */
export function buildClient(
  options: OnboardingClientOptions,
  table: EndpointTable,
  path: (name: EndpointName, args: unknown[]) => string = (name) => ENDPOINTS[name].path,
): object {
  must(typeof options === 'object' && options, 'options must be an object');
  const { fetch: fetchFn = globalThis.fetch, apiBase = API_PREFIX, antiAutomationToken } = options;
  must(typeof fetchFn === 'function', 'options.fetch must be a function');
  must(
    antiAutomationToken === undefined || typeof antiAutomationToken === 'function',
    'options.antiAutomationToken must be a function',
  );
  must(typeof apiBase === 'string' || apiBase instanceof URL, 'options.apiBase must be a string or a URL');
  let base: URL;
  try {
    base = new URL(apiBase, (globalThis as { location?: Location }).location?.href);
  } catch {
    throw new CodedTypeError('options.apiBase must be an absolute URL outside a browser');
  }
  const count = (name: 'timeoutMs' | 'retries' | 'retryDelayMs', fallback: number) => {
    const value = options[name] ?? fallback;
    must(Number.isFinite(value) && value >= 0, `options.${name} must be a number of at least 0`);
    return value;
  };
  const timeoutMs = count('timeoutMs', 15_000);
  const retries = count('retries', 2);
  const retryDelayMs = count('retryDelayMs', 300);
  const prefix = base.pathname.replace(/\/$/u, '');

  const client: Record<string, unknown> = { apiBase: base };
  for (const [name, { body: input, answer: output }] of Object.entries(table) as [EndpointName, EndpointSchemas][]) {
    client[name] = async (...args: unknown[]) => {
      const { method, status, path: route } = ENDPOINTS[name];
      const url = new URL(prefix + path(name, args), base);
      // State-changing requests always carry a JSON body: the server's origin check accepts nothing else (S6).
      let body = method === 'GET' ? undefined : '{}';
      if (input) {
        const value = args.shift();
        must(typeof value === 'object' && value, `${name}: the body must be an object`);
        const checked = validate(input, value);
        if (!checked.ok) {
          const fields = checked.issues;
          const what = Object.keys(fields).map((field) => field || 'body');
          // The code the server answers for the same body: the contract decides it for both.
          throw new OnboardingError(
            invalidBodyCode(fields),
            `${name}: ${what.join(', ')} not valid (see fields); correct it and call again, nothing was sent.`,
            { fields },
          );
        }
        body = JSON.stringify(checked.value);
      }
      const options = args[0] ?? {};
      const { signal } = options as RequestOptions;
      must(
        typeof options === 'object' && (signal === undefined || signal instanceof AbortSignal),
        'options must be an object with an AbortSignal as signal',
      );
      let token: string | undefined;
      if (antiAutomationToken && (route === '/signup/email' || route === '/password/forgot')) {
        try {
          token = await antiAutomationToken(route);
        } catch (error) {
          // The server fails closed when its hook fails (503); a token that cannot be had is the same outage.
          throw new OnboardingError(
            'service_unavailable',
            `${name}: antiAutomationToken failed (see cause); nothing was sent.`,
            { cause: error },
          );
        }
        must(token === undefined || typeof token === 'string', 'options.antiAutomationToken must give a string');
      }

      // Only reads are repeated, and only when the failure says nothing about the request itself: the network,
      // or a gateway that could not reach the server. A POST is never repeated, so nothing happens twice.
      for (let attempt = method === 'GET' ? retries : 0; ; attempt--) {
        signal?.throwIfAborted();
        const timeout = AbortSignal.timeout(timeoutMs);
        let response: Response | undefined;
        let failure: OnboardingError | undefined;
        try {
          response = await fetchFn(url, {
            method,
            body,
            credentials: 'include',
            headers: {
              Accept: 'application/json, application/problem+json',
              ...(body && { 'Content-Type': 'application/json' }),
              ...(token && { 'Anti-Automation-Token': token }),
            },
            signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
          });
        } catch (error) {
          if (signal?.aborted) throw signal.reason;
          const timedOut = timeout.aborted;
          failure = new OnboardingError(
            timedOut ? 'timeout' : 'network_error',
            `${name}: no answer${timedOut ? ` in ${timeoutMs} ms` : ''}; check the network and apiBase, then try again.`,
            { cause: error },
          );
          if (timedOut) throw failure;
        }
        if (response?.status === status) {
          // Read even when nothing is expected (a 204 has no body): a body nobody reads holds the connection.
          const json = await readJson(response);
          if (!output) return;
          const parsed = output.safeParse(json);
          if (parsed.success) return parsed.data;
          throw new OnboardingError(
            'invalid_response',
            `${name}: the answer breaks the contract (see cause); ${CHECK_API}`,
            { status, cause: parsed.error },
          );
        }
        if (attempt < 1 || (response && !isGateway(response.status))) {
          throw failure ?? (await problemOf(response!, name));
        }
        // Drained so the connection is free again; not awaited, as a gateway's body may be slow to end.
        if (response) void readJson(response);
        // The pause ends early when the caller aborts; the loop's first line then throws the abort's reason.
        await new Promise<void>((resolve) => {
          const end = () => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', end);
            resolve();
          };
          const timer = setTimeout(end, retryDelayMs * 2 ** (retries - attempt));
          signal?.addEventListener('abort', end);
        });
      }
    };
  }
  return client;
}

/** What to do when the answer is not the onboarding API's. */
const CHECK_API = 'check that apiBase is this API and the SDK matches its version.';

// A gateway in front of the server answers 502–504 when it cannot reach it: the service is away, not broken.
const isGateway = (status: number) => status > 501 && status < 505;

/** The body as JSON, or `undefined` when it is not JSON (which no schema accepts). */
const readJson = (response: Response): Promise<unknown> => response.json().catch(() => undefined);

/** The failure a response with another status than the endpoint's stands for. */
async function problemOf(response: Response, name: EndpointName): Promise<OnboardingError> {
  const { status, headers } = response;
  const parsed = ProblemSchema.safeParse(await readJson(response));
  if (!parsed.success) {
    return new OnboardingError(
      isGateway(status) ? 'service_unavailable' : 'invalid_response',
      `${name}: ${status} without problem details; ${isGateway(status) ? 'try again later.' : CHECK_API}`,
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
    reason: problem.reason,
    problem,
  });
}
