import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { JWK } from 'oidc-provider';

/** A fresh RS256 signing key as a private JWK with its own `kid`. */
export function newSigningKey(): JWK {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...(privateKey.export({ format: 'jwk' }) as JWK), kid: randomUUID(), alg: 'RS256', use: 'sig' };
}

/**
 * The broker's signing keys. The first signs; the ones after it are still published so that tokens signed
 * before a rotation keep verifying until they expire.
 */
export class SigningKeys {
  #keys: JWK[] = [newSigningKey()];

  /** The keys, signing key first. */
  get keys(): readonly JWK[] {
    return this.#keys;
  }

  /** Makes a new key the signing key and keeps only the one before it as a verification key. */
  rotate(): void {
    this.#keys = [newSigningKey(), ...this.#keys.slice(0, 1)];
  }
}
