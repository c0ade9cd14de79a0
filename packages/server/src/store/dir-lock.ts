import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** The file in `DATA_DIR` that names the process holding the directory. */
export const LOCK_FILE = 'server.lock';

/** What the lock file records about its holder. */
export interface LockHolder {
  readonly pid: number;
  readonly hostname: string;
  readonly startedAt: string;
}

/** The directory is held by another live process; `message` names it and says what to do. */
export class DataDirLockedError extends Error {
  override readonly name = 'DataDirLockedError';
  readonly holder: LockHolder;
  constructor(dir: string, holder: LockHolder) {
    super(
      `DATA_DIR ${dir} is in use by process ${holder.pid} on ${holder.hostname} (since ${holder.startedAt}). ` +
        'PGlite serves one process only: stop that process, point DATA_DIR at another directory, ' +
        'or set DATABASE_URL to run several instances on PostgreSQL.',
    );
    this.holder = holder;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): LockHolder | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockHolder>;
    if (typeof parsed.pid !== 'number') return undefined;
    return {
      pid: parsed.pid,
      hostname: String(parsed.hostname ?? 'unknown host'),
      startedAt: String(parsed.startedAt ?? 'unknown'),
    };
  } catch {
    return undefined;
  }
}

/**
 * Takes the lock on `dir` for this process: creates the lock file exclusively, or takes over a stale one whose
 * process is gone. Throws {@link DataDirLockedError} when a live process holds it. Returns the release function.
 */
export function lockDataDir(dir: string): () => void {
  const path = join(dir, LOCK_FILE);
  const me: LockHolder = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      return () => {
        // Only remove the file while it still names us: a successor may have taken a stale lock.
        if (readHolder(path)?.pid === me.pid) unlinkSync(path);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(path);
      // A lock of another host cannot be probed; one without a readable holder is a write cut short.
      if (holder && holder.pid !== process.pid && (holder.hostname !== me.hostname || alive(holder.pid))) {
        throw new DataDirLockedError(dir, holder);
      }
      if (holder?.pid === process.pid) throw new DataDirLockedError(dir, holder);
      try {
        unlinkSync(path);
      } catch (unlinkError) {
        if ((unlinkError as NodeJS.ErrnoException).code !== 'ENOENT') throw unlinkError;
      }
    }
  }
  throw new Error(`Could not take the lock ${path}: another process keeps recreating it.`);
}
