import type { E2eStack } from './stack.ts';
import type { Person } from './people.ts';

/**
 * A browser-less client of the server's API for arranging a test (an account that exists before the journey
 * starts), speaking to the server as the page does: the site's `Origin`, JSON bodies and the session cookie.
 */
export class ApiClient {
  readonly #stack: E2eStack;
  #cookie = '';

  constructor(stack: E2eStack) {
    this.#stack = stack;
  }

  /** Sends one request to `/api/v1<path>` and keeps the session cookie it sets. */
  async request(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${this.#stack.server.url}/api/v1${path}`, {
      method,
      headers: {
        origin: this.#stack.site,
        'sec-fetch-site': 'same-origin',
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.#cookie ? { cookie: this.#cookie } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(';')[0] ?? '';
      if (/^(?:__Host-)?wt_session=/.test(pair)) this.#cookie = pair;
    }
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  }

  /** Like {@link request}, but throws unless the answer has `status`. */
  async expect(status: number, method: string, path: string, body?: unknown): Promise<unknown> {
    const answer = await this.request(method, path, body);
    if (answer.status !== status) {
      throw new Error(`${method} ${path}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    return answer.body;
  }
}

/**
 * Creates `person`'s account the way the sign-up steps do (address, mailed code, password and names), without a
 * browser: the arrangement of journeys that start with an existing, not yet verified account. Returns the client,
 * still signed in (as a second device of that person would be).
 */
export async function createAccount(stack: E2eStack, person: Person): Promise<ApiClient> {
  const api = new ApiClient(stack);
  await api.expect(202, 'POST', '/signup/email', { email: person.email, lang: 'nl' });
  const code = await stack.mailbox.nextCode(person.email);
  await api.expect(200, 'POST', '/signup/code', { code });
  await api.expect(201, 'POST', '/signup/account', {
    password: person.password,
    firstName: person.firstName,
    lastName: person.lastName,
  });
  return api;
}
