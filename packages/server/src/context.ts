import type { EherkenningSupplier, PasswordPolicy } from '@wij-techniek/onboarding-contract';
import type { Context } from 'hono';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import type { MailRequest } from './mail/outbox.js';
import type { MailTemplateName } from './mail/templates/index.js';
import type { problem } from './problems.js';
import type { AntiAutomation } from './security/anti-automation.js';
import type { Keys } from './security/keys.js';
import type { PasswordHasher } from './security/passwords.js';
import type { Limits, RateLimiter } from './security/rate-limit.js';
import type { SessionService, SessionState } from './sessions/sessions.js';
import type { Database, Queryable } from './store/database.js';

/** Gives the eHerkenning suppliers in the broker's order (for `GET /config` and the start step). */
export type SupplierProvider = () => Promise<readonly EherkenningSupplier[]>;

/** What every route module gets: the server's services, built once per server. */
export interface AppContext {
  readonly config: Config;
  readonly db: Database;
  /** Now, as the server sees it; injected in tests. Never use `new Date()` or SQL `now()` in a rule. */
  readonly clock: Clock;
  readonly logger: Logger;
  /** Keys derived from `SECRET`. */
  readonly keys: Keys;
  readonly limits: Limits;
  readonly rateLimiter: RateLimiter;
  readonly passwords: PasswordHasher;
  /** The policy chosen by `PASSWORD_POLICY`. */
  readonly passwordPolicy: PasswordPolicy;
  /** Sessions: `current(c)`, `requireAccount(c)`, `ensure(c, db)`, `rotate(c, tx, { accountId })`, … */
  readonly sessions: SessionService;
  /** Puts a mail in the outbox inside `db` (pass your transaction) and wakes the worker. */
  enqueueMail<T extends MailTemplateName>(db: Queryable, mail: MailRequest<T>): Promise<string>;
  /** Makes an error answer to throw: `throw ctx.problem('forbidden')`. */
  readonly problem: typeof problem;
  /** The eHerkenning suppliers; an empty list until a provider is wired. */
  readonly suppliers: SupplierProvider;
  /** True when `url` may be used as `returnTo` (SECURITY.md O11). */
  isAllowedReturnTo(url: string): boolean;
  /** The client address for rate limits (SECURITY.md R3). */
  clientIp(c: Context): string;
  /** A stable pseudonym of a personal value (an address) for logs: an HMAC prefix, never the value (L1). */
  pseudonym(value: string): string;
  /** The optional CAPTCHA / proof-of-work hook consulted before a sign-up or reset start (SECURITY.md R5). */
  readonly antiAutomation: AntiAutomation | undefined;
}

/** The Hono environment of the app: the per-request variables. */
export interface AppEnv {
  Variables: {
    session: SessionState;
    /** Set by the app for every request. */
    ctx: AppContext;
  };
}
