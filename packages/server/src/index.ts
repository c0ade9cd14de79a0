/**
 * The Wij Techniek onboarding backend adapter: the HTTP API of the contract on Hono, PGlite or PostgreSQL storage,
 * the mail outbox, sessions, and (in `eherkenning/`) the eHerkenning relying party.
 *
 * @packageDocumentation
 */
export { createServer, openDatabase, type CloseOptions, type RunningServer, type ServerOptions } from './server.js';
export {
  loadConfig,
  ConfigError,
  DEV_SECRET,
  DEFAULT_CLEANUP_INTERVAL_SECONDS,
  DEFAULT_OUTBOX_RETENTION_SECONDS,
  type Config,
  type EherkenningSettings,
} from './config.js';
export { createApp, ROUTE_MODULES, type AppOptions } from './app.js';
export type { AppContext, AppEnv, SupplierProvider } from './context.js';
export type { RouteModule } from './routes/route-module.js';
export { problem, ProblemError, type ProblemExtras } from './problems.js';
export { systemClock, type Clock } from './clock.js';
export {
  createLogger,
  withLogScope,
  RESERVED_LOG_KEYS,
  type Logger,
  type LogLevel,
  type LogFields,
  type LogValue,
} from './logger.js';
export type { Database, Queryable, QueryResult } from './store/database.js';
export { isUniqueViolation } from './store/database.js';
export { migrate, readMigrations, MIGRATIONS_DIR, type Migration } from './store/migrate.js';
export { openPglite, HalfInitialisedError } from './store/pglite.js';
export {
  openPostgres,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_STATEMENT_TIMEOUT_MS,
  type PostgresOptions,
} from './store/pg.js';
export { DataDirLockedError, type LockHolder } from './store/dir-lock.js';
export { enqueueMail, type MailRequest } from './mail/outbox.js';
export {
  renderMail,
  type AccountExistsData,
  type AdministratorAddedData,
  type InvitationData,
  type MailTemplateName,
  type MailTemplates,
  type PasswordChangedData,
  type PasswordCodeData,
  type PasswordNoAccountData,
  type RenderedMail,
  type VerificationCodeData,
} from './mail/templates/index.js';
export { OutboxWorker, DEFAULT_OUTBOX_SETTINGS, type OutboxSettings, type PollTimer } from './mail/worker.js';
export type { MailTransport, OutgoingMail } from './mail/transport.js';
export { SessionService, type SessionRecord, type SessionState } from './sessions/sessions.js';
export { sessionView } from './sessions/view.js';
export { isAllowedReturnTo } from './security/return-to.js';
export {
  PasswordHasher,
  DEFAULT_SCRYPT_PARAMS,
  parsePasswordHash,
  type ParsedHash,
  type ScryptParams,
} from './security/passwords.js';
export type { KeyPurpose, Keys } from './security/keys.js';
export {
  DEFAULT_LIMITS,
  LIMIT_VARIABLES,
  formatLimit,
  formatDuration,
  type Limit,
  type LimitName,
  type Limits,
} from './security/limits.js';
export { RateLimiter, type LimitVerdict, type WaitSettings } from './security/rate-limit.js';
export {
  ANTI_AUTOMATION_HEADER,
  type AntiAutomation,
  type AntiAutomationRequest,
  type AntiAutomationRoute,
  type AntiAutomationVerdict,
} from './security/anti-automation.js';
export { Cleanup, DEFAULT_CLEANUP_BATCH_SIZE, type CleanupCounts, type CleanupSettings } from './store/cleanup.js';
