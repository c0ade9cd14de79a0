/**
 * The names of the server's own variables, by prefix, so that a mistyped one stops the start instead of being
 * ignored (`RATE_LIMIT_LOGIN_PER_CLIENT` left the default limit on, silently). `config.ts` turns a finding into a
 * `ConfigError`.
 */
import { LIMIT_VARIABLES } from './security/limits.js';

/**
 * Prefixes whose every variable is ours, each with the names the server reads. Only these: a name under another
 * prefix may belong to someone else. `DATABASE_` is left out because platforms set names of their own there
 * (Heroku and Render `DATABASE_URL`, Railway `DATABASE_PUBLIC_URL`, others `DATABASE_HOST`), `SMTP_` because a
 * shared environment file often holds another program's `SMTP_HOST`/`SMTP_USER`, and `SESSION_` because desktop
 * sessions set `SESSION_MANAGER`.
 */
export const OWN_VARIABLE_FAMILIES: Readonly<Record<string, readonly string[]>> = {
  RATE_LIMIT_: Object.values(LIMIT_VARIABLES),
  EHERKENNING_: [
    'EHERKENNING_ISSUER',
    'EHERKENNING_CLIENT_ID',
    'EHERKENNING_CLIENT_SECRET',
    'EHERKENNING_SUPPLIERS_URL',
    'EHERKENNING_SUPPLIER_PARAM',
    'EHERKENNING_CLAIMS',
  ],
  OUTBOX_: ['OUTBOX_RETENTION'],
  SHUTDOWN_: ['SHUTDOWN_DRAIN', 'SHUTDOWN_GRACE'],
};

/** An unknown name under one of our prefixes, with the nearest known name when one is close. */
export interface UnknownVariable {
  readonly name: string;
  /** The known name it most likely meant; undefined when none is close enough to be a typo. */
  readonly nearest: string | undefined;
  /** Every name of its family, for the message when there is no near one. */
  readonly known: readonly string[];
}

/**
 * The first variable (in name order, so the message does not depend on the order of the environment) that starts
 * with one of {@link OWN_VARIABLE_FAMILIES}' prefixes but is not one of its names. Empty values count as unset,
 * as everywhere in the configuration.
 */
export function unknownOwnVariable(env: Readonly<Record<string, string | undefined>>): UnknownVariable | undefined {
  const names = Object.keys(env)
    .filter((name) => (env[name] ?? '').trim() !== '')
    .sort();
  for (const name of names) {
    const known = Object.entries(OWN_VARIABLE_FAMILIES).find(([prefix]) => name.startsWith(prefix))?.[1];
    if (!known || known.includes(name)) continue;
    return { name, nearest: nearestName(name, known), known };
  }
  return undefined;
}

/** The known name within a few edits of `name` (a letter dropped, added or swapped per word), else undefined. */
function nearestName(name: string, known: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(name, candidate);
    if (!best || distance < best.distance) best = { name: candidate, distance };
  }
  // Past a quarter of the name it is another word, not a typo: RATE_LIMIT_FOO is not "nearly" RATE_LIMIT_MAX_WAIT.
  return best && best.distance <= Math.max(2, Math.floor(name.length / 4)) ? best.name : undefined;
}

/** Levenshtein distance, with a swap of two neighbouring letters counted as one edit. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = value;
    }
  }
  return rows[a.length]![b.length]!;
}
