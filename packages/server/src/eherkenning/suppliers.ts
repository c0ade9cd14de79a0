import { EherkenningSupplierSchema, type EherkenningSupplier } from '@wij-techniek/onboarding-contract';
import { z } from 'zod/mini';
import type { Clock } from '../clock.js';
import { innermostMessage, safeUrl } from './classify.js';
import { EherkenningError } from './errors.js';

/** How long a fetched list is used before it is read again. */
const FRESH_FOR_MS = 5 * 60 * 1000;
/** Largest list body read; six suppliers are a few hundred bytes. */
const MAX_BYTES = 256 * 1024;

const SupplierListSchema = z.union([
  z.array(EherkenningSupplierSchema).check(z.minLength(1), z.maxLength(100)),
  z.object({ suppliers: z.array(EherkenningSupplierSchema).check(z.minLength(1), z.maxLength(100)) }),
]);

/**
 * The broker's list of suppliers (authentication services), in the broker's order, which the onboarding must
 * keep (AUC8, EHERKENNING.md §2.4). Read from `EHERKENNING_SUPPLIERS_URL`, validated, cached for five minutes;
 * when the broker cannot be read the last good list is used, and without one the read fails as
 * `broker_unavailable`.
 */
export class SupplierList {
  readonly #url: string;
  readonly #clock: Clock;
  readonly #timeoutMs: number;
  #cached: { suppliers: readonly EherkenningSupplier[]; at: number } | undefined;
  #pending: Promise<readonly EherkenningSupplier[]> | undefined;

  constructor(url: string, options: { clock: Clock; timeoutSeconds: number }) {
    this.#url = url;
    this.#clock = options.clock;
    this.#timeoutMs = options.timeoutSeconds * 1000;
  }

  /** The suppliers in the broker's order. */
  async get(): Promise<readonly EherkenningSupplier[]> {
    const now = this.#clock().getTime();
    if (this.#cached && now - this.#cached.at < FRESH_FOR_MS) return this.#cached.suppliers;
    this.#pending ??= this.#fetch().finally(() => {
      this.#pending = undefined;
    });
    try {
      return await this.#pending;
    } catch (error) {
      if (this.#cached) return this.#cached.suppliers;
      throw error;
    }
  }

  async #fetch(): Promise<readonly EherkenningSupplier[]> {
    // Every failure names the URL and what went wrong, so the log line alone says what to try by hand.
    const fail = (reason: string, what: string, cause?: unknown) =>
      new EherkenningError('broker_unavailable', reason, { cause, detail: `GET ${safeUrl(this.#url)}: ${what}` });
    let body: string;
    try {
      const response = await fetch(this.#url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(this.#timeoutMs),
        redirect: 'error',
      });
      if (!response.ok) throw fail(`suppliers_http_${response.status}`, `HTTP ${response.status}`);
      body = await response.text();
    } catch (error) {
      if (error instanceof EherkenningError) throw error;
      const what = error instanceof Error ? innermostMessage(error) : String(error);
      throw fail('suppliers_unreachable', what, error);
    }
    if (body.length > MAX_BYTES) throw fail('suppliers_too_large', `more than ${MAX_BYTES} bytes`);
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw fail('suppliers_not_json', 'the answer is not JSON');
    }
    const parsed = SupplierListSchema.safeParse(json);
    if (!parsed.success) {
      throw fail('suppliers_invalid', 'the answer is not a list of 1 to 100 suppliers with id and name');
    }
    const suppliers = Object.freeze(Array.isArray(parsed.data) ? parsed.data : parsed.data.suppliers);
    this.#cached = { suppliers, at: this.#clock().getTime() };
    return suppliers;
  }
}
