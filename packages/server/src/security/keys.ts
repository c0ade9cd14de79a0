import { createHmac, hkdfSync } from 'node:crypto';

/** What a derived key is for; each purpose gets its own key, so one leaked HMAC never helps another use. */
export type KeyPurpose = 'verification-code' | 'rate-limit' | 'log-pseudonym';

/** Keys derived from `SECRET` with HKDF-SHA256, one per purpose. */
export interface Keys {
  /** HMAC-SHA256 of `message` under the key of `purpose`, base64url. */
  hmac(purpose: KeyPurpose, message: string): string;
}

/** Derives the per-purpose keys from the configured secret. */
export function deriveKeys(secret: string): Keys {
  const cache = new Map<KeyPurpose, Buffer>();
  const key = (purpose: KeyPurpose) => {
    let derived = cache.get(purpose);
    if (!derived) {
      derived = Buffer.from(hkdfSync('sha256', secret, 'wij-techniek-onboarding', purpose, 32));
      cache.set(purpose, derived);
    }
    return derived;
  };
  return {
    hmac: (purpose, message) => createHmac('sha256', key(purpose)).update(message).digest('base64url'),
  };
}
