import type { Config } from '../config.js';

/**
 * True when `url` may be used as a place to send the browser back to (SECURITY.md O11): an absolute http(s) URL
 * whose origin is in `ALLOWED_ORIGINS` or is `PUBLIC_URL`'s, without credentials. Scheme-relative (`//evil`),
 * backslash tricks and other origins are refused.
 */
export function isAllowedReturnTo(url: string, config: Pick<Config, 'allowedOrigins' | 'publicOrigin'>): boolean {
  if (typeof url !== 'string' || url.length > 2048 || !/^https?:\/\/[^\\/]/i.test(url) || /[\\\s]/.test(url)) {
    return false;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username || parsed.password) return false;
  return parsed.origin === config.publicOrigin || config.allowedOrigins.includes(parsed.origin);
}
