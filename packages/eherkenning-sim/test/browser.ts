/**
 * A tiny cookie-keeping "browser" for driving the simulator's pages with fetch: follows nothing by itself, so
 * each test sees every redirect the way a browser would take it.
 */
export class FetchBrowser {
  readonly #cookies = new Map<string, string>();

  /** Sends one request with the cookies kept so far and keeps the ones it sets. */
  async request(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const target = new URL(url);
    const cookie = [...this.#cookies.entries()]
      .filter(([key]) => key.startsWith(`${target.host}|`))
      .map(([key, value]) => `${key.split('|')[1]}=${value}`)
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

  /** Follows redirects on `start` until one leaves for `stopAt` (an origin+path prefix) or a page answers. */
  async follow(start: string | URL, stopAt?: string): Promise<{ response: Response; url: URL }> {
    let url = new URL(start);
    for (let hop = 0; hop < 10; hop++) {
      if (stopAt && url.href.startsWith(stopAt)) return { response: new Response(null, { status: 204 }), url };
      const response = await this.request(url);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { response, url };
      url = new URL(location, url);
    }
    throw new Error('too many redirects');
  }

  /** Submits a form to `action` (relative to `page`) and follows redirects until `stopAt`. */
  async submit(page: URL, action: string, fields: Record<string, string>, stopAt: string): Promise<URL> {
    const response = await this.request(new URL(action, page), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    const location = response.headers.get('location');
    if (!location) throw new Error(`form answered ${response.status} without a redirect`);
    const { url } = await this.follow(new URL(location, page), stopAt);
    return url;
  }
}

/** The `action` attribute of the first form on an HTML page. */
export function formAction(html: string): string {
  const match = /<form[^>]*action="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no form on the page');
  return match[1].replaceAll('&amp;', '&');
}
