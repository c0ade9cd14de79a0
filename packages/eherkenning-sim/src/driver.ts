/**
 * Drives the simulator's login pages with `fetch`, the way a browser would, for tests that need a real
 * round trip without a browser: cookies are kept per host and every redirect is followed by hand.
 */
export class SimulatorBrowser {
  readonly #cookies = new Map<string, string>();

  /** Sends one request with the cookies kept so far and keeps the ones it sets. Never follows redirects. */
  async request(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const target = new URL(url);
    const cookie = [...this.#cookies.entries()]
      .filter(([key]) => key.startsWith(`${target.host}|`))
      .map(([key, value]) => `${key.slice(key.indexOf('|') + 1)}=${value}`)
      .join('; ');
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(target, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = /max-age=0|expires=thu, 01 jan 1970/i.test(line);
      if (expired || value === '') this.#cookies.delete(`${target.host}|${name}`);
      else this.#cookies.set(`${target.host}|${name}`, value);
    }
    return response;
  }

  /**
   * Follows redirects from `start` until the next hop begins with `stopAt` (returned without being fetched) or
   * a page answers.
   */
  async follow(start: string | URL, stopAt?: string): Promise<{ response: Response | undefined; url: URL }> {
    let url = new URL(start);
    for (let hop = 0; hop < 10; hop++) {
      if (stopAt && url.href.startsWith(stopAt)) return { response: undefined, url };
      const response = await this.request(url);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { response, url };
      url = new URL(location, url);
    }
    throw new Error('too many redirects');
  }

  /** Posts a form to `action` (relative to `page`) and follows redirects until `stopAt`. */
  async submit(page: URL, action: string, fields: Record<string, string>, stopAt: string): Promise<URL> {
    const response = await this.request(new URL(action, page), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    const location = response.headers.get('location');
    if (!location) throw new Error(`the login form answered ${response.status} without a redirect`);
    return (await this.follow(new URL(location, page), stopAt)).url;
  }
}

/** The `action` of the first form on an HTML page. */
export function formAction(html: string): string {
  const match = /<form[^>]*action="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no form on the page');
  return match[1].replaceAll('&amp;', '&');
}

/**
 * Test helper: opens `authorizationUrl` (from the relying party), and on the simulator's login page logs in as
 * `identity` (an id of `SIMULATED_IDENTITIES`) or, with `'cancel'`, chooses Annuleren. Returns the URL the
 * broker sends the browser back to, which starts with `redirectUri` and is not fetched.
 */
export async function signInAtSimulator(
  authorizationUrl: string,
  redirectUri: string,
  identity: string,
  browser: SimulatorBrowser = new SimulatorBrowser(),
): Promise<URL> {
  const { response, url } = await browser.follow(authorizationUrl, redirectUri);
  if (!response) return url;
  if (response.status !== 200) throw new Error(`the simulator answered ${response.status} at ${url.pathname}`);
  const fields: Record<string, string> = identity === 'cancel' ? { action: 'cancel' } : { action: 'login', identity };
  return browser.submit(url, formAction(await response.text()), fields, redirectUri);
}
