import { randomBytes, scrypt, type ScryptOptions } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { constantEquals } from './constant-equals.js';
import { Semaphore } from './semaphore.js';

/**
 * scrypt cost parameters: N = 2^ln, block size r, parallelism p. The default N=2^17, r=8, p=1 is the ASVS 5.0
 * Appendix C / OWASP floor for scrypt (SECURITY.md P5). scrypt rather than argon2id because Node has it built in:
 * no native addon to compile, and npm 11 blocks dependency install scripts anyway.
 */
export interface ScryptParams {
  readonly ln: number;
  readonly r: number;
  readonly p: number;
}

/** The parameters new hashes get. */
export const DEFAULT_SCRYPT_PARAMS: ScryptParams = { ln: 17, r: 8, p: 1 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;
const PHC = /^\$scrypt\$ln=([0-9]{1,2}),r=([0-9]{1,2}),p=([0-9]{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

/** A stored hash, parsed. */
export interface ParsedHash {
  readonly params: ScryptParams;
  readonly salt: Buffer;
  readonly hash: Buffer;
}

/** Parses a PHC string `$scrypt$ln=17,r=8,p=1$<salt>$<hash>` (unpadded standard base64). */
export function parsePasswordHash(phc: string): ParsedHash | undefined {
  const match = PHC.exec(phc);
  if (!match) return undefined;
  const [, ln, r, p, salt, hash] = match;
  return {
    params: { ln: Number(ln), r: Number(r), p: Number(p) },
    salt: Buffer.from(salt!, 'base64'),
    hash: Buffer.from(hash!, 'base64'),
  };
}

const b64 = (buffer: Buffer) => buffer.toString('base64').replace(/=+$/, '');

/**
 * Hashes passwords with scrypt, at most one per CPU core at a time (P6: a burst of sign-ups queues instead of
 * exhausting memory: each hash at the default parameters uses 128 MiB). Passwords are NFC-normalised first, so
 * a composed and a decomposed "é" are the same password (P2); nothing else is changed.
 */
export class PasswordHasher {
  readonly params: ScryptParams;
  readonly #semaphore: Semaphore;
  #dummy: Promise<string> | undefined;

  constructor(options: { params?: ScryptParams; concurrency?: number } = {}) {
    this.params = options.params ?? DEFAULT_SCRYPT_PARAMS;
    this.#semaphore = new Semaphore(options.concurrency ?? availableParallelism());
  }

  /** The PHC string of `password` under the current parameters, with a fresh random salt. */
  async hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_BYTES);
    const key = await this.#derive(password, salt, this.params);
    const { ln, r, p } = this.params;
    return `$scrypt$ln=${ln},r=${r},p=${p}$${b64(salt)}$${b64(key)}`;
  }

  /**
   * Checks `password` against `phc`. `rehash` is true when it matched but was made with other parameters than
   * the current ones (upgrade on login). A stored value that does not parse never matches.
   */
  async verify(password: string, phc: string): Promise<{ ok: boolean; rehash: boolean }> {
    const parsed = parsePasswordHash(phc);
    if (!parsed) return { ok: false, rehash: false };
    const key = await this.#derive(password, parsed.salt, parsed.params, parsed.hash.length);
    const ok = constantEquals(key.toString('base64'), parsed.hash.toString('base64'));
    const { ln, r, p } = parsed.params;
    const rehash = ok && (ln !== this.params.ln || r !== this.params.r || p !== this.params.p);
    return { ok, rehash };
  }

  /**
   * Spends the time of one verification without an account (unknown address at login), so that answer takes
   * as long as a wrong password for a real account (SECURITY.md R4 for sign-in).
   */
  async verifyDummy(password: string): Promise<void> {
    this.#dummy ??= this.hash('dummy password that never matches');
    await this.verify(password, await this.#dummy);
  }

  /** The semaphore's figures, for tests and the bench. */
  stats(): { active: number; waiting: number; peak: number; capacity: number } {
    return { ...this.#semaphore.stats(), capacity: this.#semaphore.capacity };
  }

  #derive(password: string, salt: Buffer, params: ScryptParams, length = KEY_BYTES): Promise<Buffer> {
    const N = 2 ** params.ln;
    // Node refuses more than 32 MiB by default; scrypt needs 128·N·r bytes, plus headroom.
    const options: ScryptOptions = { N, r: params.r, p: params.p, maxmem: 256 * N * params.r + 1024 * 1024 };
    const input = password.normalize('NFC');
    return this.#semaphore.run(
      () =>
        new Promise<Buffer>((resolve, reject) =>
          scrypt(input, salt, length, options, (error, key) => (error ? reject(error) : resolve(key))),
        ),
    );
  }
}
