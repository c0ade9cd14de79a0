import { isIP } from 'node:net';

/**
 * The server could not start for a reason outside its own code: the database named by `DATABASE_URL` cannot be
 * reached, `PORT` is taken, `HOST` is no address of this machine. `message` is one line that starts with the
 * variable to look at and says what to do; it never holds the password of `DATABASE_URL`. The original error is
 * `cause`.
 */
export class StartupError extends Error {
  override readonly name = 'StartupError';
  /** The environment variable to look at. */
  readonly variable: string;
  constructor(variable: string, message: string, cause: unknown) {
    super(`${variable}: ${message}`, { cause });
    this.variable = variable;
  }
}

/** The code of `error` or of what caused it (a `pg` error, an `AggregateError` of address attempts, a cause). */
function codeOf(error: unknown, depth = 0): string | undefined {
  if (typeof error !== 'object' || error === null || depth > 4) return undefined;
  const { code, cause } = error as { code?: unknown; cause?: unknown };
  if (typeof code === 'string' && code !== '') return code;
  if (error instanceof AggregateError) {
    for (const inner of error.errors) {
      const found = codeOf(inner, depth + 1);
      if (found) return found;
    }
  }
  return codeOf(cause, depth + 1);
}

/** `decodeURIComponent`, or `text` itself when it is not validly encoded. */
function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** `host:port` of a PostgreSQL URL, without user or password; `[::1]:5432` for IPv6. */
function target(url: URL): string {
  return `${url.hostname || 'localhost'}:${url.port || '5432'}`;
}

/** `text` with every form of `secret` in it replaced, for messages built from a driver's words. */
function withoutSecret(text: string, secret: string): string {
  if (secret === '') return text;
  let out = text;
  for (const form of new Set([secret, decoded(secret)])) out = out.split(form).join('***');
  return out;
}

/**
 * A failure to open or migrate the PostgreSQL database of `databaseUrl` as a {@link StartupError} naming
 * `DATABASE_URL`, or `undefined` when it is none the operator can act on (a bug of ours stays as it is).
 */
export function databaseStartupError(error: unknown, databaseUrl: string): StartupError | undefined {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    return new StartupError(
      'DATABASE_URL',
      'is not a valid URL; write it as postgres://user:password@host:5432/database',
      undefined,
    );
  }
  const where = target(url);
  const user = decoded(url.username) || 'the current user';
  const database = decoded(url.pathname.slice(1)) || user;
  const detail = withoutSecret(messageOf(error), url.password);
  const fail = (message: string) => new StartupError('DATABASE_URL', message, error);
  const code = codeOf(error);
  switch (code) {
    case 'ECONNREFUSED':
      return fail(`cannot connect to ${where} (ECONNREFUSED). Is PostgreSQL running and is the address right?`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return fail(`the host ${url.hostname} is not known (${code}). Check the host name in the URL.`);
    case 'ETIMEDOUT':
      // Our own DatabaseTimeoutError says which limit passed and names its setting.
      if (error instanceof Error && error.name === 'DatabaseTimeoutError') {
        return fail(`no answer from ${where}: ${detail}. Is the address right, and does a firewall let it through?`);
      }
      return fail(`no answer from ${where} (${code}). Is the address right, and does a firewall let it through?`);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return fail(`no answer from ${where} (${code}). Is the address right, and does a firewall let it through?`);
    case 'ECONNRESET':
      return fail(
        `${where} closed the connection (ECONNRESET). Is it PostgreSQL, and does it require TLS (add ?sslmode=require)?`,
      );
    case '28P01':
      return fail(`PostgreSQL refused the password of user "${user}" (28P01). Check the user name and password.`);
    case '28000':
      return fail(`PostgreSQL refused user "${user}": ${detail} (28000). Check the user name and pg_hba.conf.`);
    case '3D000':
      return fail(
        `the database "${database}" does not exist on ${where} (3D000). Create it (createdb ${database}) or correct the name.`,
      );
    case '42501':
      return fail(
        `user "${user}" may not create the server's tables: ${detail} (42501). Grant it CREATE on the database.`,
      );
    case '53300':
      return fail(
        `PostgreSQL at ${where} has no free connection (53300). Raise max_connections or lower the other users' pools.`,
      );
    case '57P03':
      return fail(`PostgreSQL at ${where} is starting up or shutting down (57P03). Start again when it is up.`);
  }
  if (/timeout|timed out/i.test(detail)) {
    return fail(
      `no answer from ${where} in time (${detail}). Is the address right, and does a firewall let it through?`,
    );
  }
  if (/ssl|tls/i.test(detail)) {
    return fail(`TLS failed with ${where}: ${detail}. Check the sslmode in the URL.`);
  }
  return undefined;
}

/**
 * A failure of the file system under `DATA_DIR` (PGlite) as a {@link StartupError}, or `undefined` for any other.
 * A locked or half-initialised directory has its own errors, which already say what to do.
 */
export function dataDirStartupError(error: unknown, dataDir: string): StartupError | undefined {
  const code = codeOf(error);
  if (code === undefined || !['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'ENOSPC', 'EEXIST', 'ENOENT'].includes(code)) {
    return undefined;
  }
  return new StartupError(
    'DATA_DIR',
    `cannot keep the database in ${dataDir}: ${messageOf(error)}. Choose a directory this user may write, or set DATABASE_URL.`,
    error,
  );
}

/** A failure to listen on `HOST`:`PORT` as a {@link StartupError} naming the variable to change. */
export function listenStartupError(error: unknown, host: string, port: number): StartupError | undefined {
  const code = codeOf(error);
  const shown = isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`;
  const addresses = 'such as 127.0.0.1, 0.0.0.0 (every IPv4 interface) or :: (every interface)';
  switch (code) {
    case 'EADDRINUSE':
      return new StartupError(
        'PORT',
        `${shown} is already in use (EADDRINUSE). Stop the process that holds it, or choose another PORT.`,
        error,
      );
    case 'EACCES':
      return new StartupError(
        'PORT',
        `not allowed to listen on ${shown} (EACCES). Use a port from 1024 up, or give the process the right to bind it.`,
        error,
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new StartupError(
        'HOST',
        `${host} is not a known host name (${code}). Use an address ${addresses}.`,
        error,
      );
    case 'EADDRNOTAVAIL':
      return new StartupError(
        'HOST',
        `${host} is not an address of this machine (EADDRNOTAVAIL). Use an address ${addresses}.`,
        error,
      );
  }
  return undefined;
}
