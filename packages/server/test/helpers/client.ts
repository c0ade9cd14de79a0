import { randomInt } from 'node:crypto';
import type { Account, FlowInfo, Membership } from '@wij-techniek/onboarding-contract';
import { assertContractAnswer } from './contract-answers.ts';

/** The fields of the answers tests read: sessions, flow answers and problems. */
export interface AnswerBody {
  step?: string | null;
  code?: string;
  status?: number;
  type?: string;
  title?: string;
  detail?: string;
  attemptsLeft?: number;
  retryAfterSeconds?: number;
  violations?: string[];
  fields?: Record<string, string[]>;
  flow?: FlowInfo | null;
  account?: Account | null;
  memberships?: Membership[];
  eherkenning?: { outcome: string; at: string } | null;
  [key: string]: unknown;
}

/** An answer, with its body parsed when it is JSON. */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: AnswerBody;
  readonly text: string;
}

/** A random client address in 10.0.0.0/8, so tests in one file do not share rate limits. */
export function randomIp(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

/** The allowed origin tests send. */
export const TEST_ORIGIN = 'http://localhost:5173';

/**
 * A browser-like client: keeps the session cookie, sends `Origin` and JSON, and comes from `ip` through the
 * trusted loopback proxy (`X-Forwarded-For`). A successful answer of a contract endpoint that its answer schema
 * refuses fails the request (see {@link assertContractAnswer}).
 */
export class Client {
  readonly base: string;
  readonly ip: string;
  cookie: string | undefined;
  /** Every Set-Cookie header received, in order. */
  readonly setCookies: string[] = [];

  constructor(base: string, ip: string = randomIp()) {
    this.base = base;
    this.ip = ip;
  }

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const url = path.startsWith('http')
      ? path
      : `${this.base}${path.startsWith('/api') || path.startsWith('/healthz') || path.startsWith('/readyz') ? '' : '/api/v1'}${path}`;
    const init: RequestInit = {
      method,
      headers: {
        origin: TEST_ORIGIN,
        'x-forwarded-for': this.ip,
        ...(method === 'GET' ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      redirect: 'manual',
    };
    if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
    const response = await fetch(url, init);
    for (const cookie of response.headers.getSetCookie()) {
      this.setCookies.push(cookie);
      const [pair = ''] = cookie.split(';');
      const value = pair.slice(pair.indexOf('=') + 1);
      this.cookie = value && !/Max-Age=0\b/.test(cookie) ? pair : undefined;
    }
    const text = await response.text();
    let parsed: AnswerBody = {};
    try {
      if (text) parsed = JSON.parse(text) as AnswerBody;
    } catch {
      // Not JSON (an HTML page): tests read `text`.
    }
    assertContractAnswer(method, url, response.status, parsed);
    return { status: response.status, headers: response.headers, body: parsed, text };
  }

  get(path: string, headers?: Record<string, string>): Promise<Answer> {
    return this.request('GET', path, undefined, headers);
  }

  post(path: string, body: unknown = {}, headers?: Record<string, string>): Promise<Answer> {
    return this.request('POST', path, body, headers);
  }
}
