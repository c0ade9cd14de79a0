import type { Config } from '../config.js';

/** The Content Security Policy of every answer: it is JSON, nothing may load, nobody may frame it (W4). */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Headers every answer carries (SECURITY.md W4, W6); HSTS only when `PUBLIC_URL` is https. */
export function securityHeaders(config: Pick<Config, 'secureCookies'>): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': API_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
    'Cache-Control': 'no-store',
  };
  if (config.secureCookies) headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains';
  return headers;
}
