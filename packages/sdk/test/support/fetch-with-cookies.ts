// The cookie-keeping fetch of docs/developers.md ("In Node"), verbatim but exported so a test can run it;
// test/node-fetch.test.ts checks the guide still shows exactly this function.

/** A `fetch` that keeps the cookies the API sets (the session's `wt_session`), as a browser does. One per person. */
export function fetchWithCookies(): typeof fetch {
  const jar = new Map<string, string>();
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    if (jar.size > 0) headers.set('Cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await fetch(input, { ...init, headers });
    for (const cookie of response.headers.getSetCookie()) {
      const [, name = '', value = ''] = /^([^=;]+)=([^;]*)/u.exec(cookie) ?? [];
      // The server ends a session with an empty value and Max-Age=0.
      if (value === '' || /;\s*max-age=0\b/iu.test(cookie)) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  };
}
