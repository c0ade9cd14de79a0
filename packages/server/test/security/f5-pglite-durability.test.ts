// SECURITY.md F5: PGlite must keep its default durability (`relaxedDurability` false in PGlite's API): a commit is
// on disk before PGlite acknowledges it. With it relaxed, PGlite answers before its writes reach the file system,
// and a crash right after a commit can lose an account the person was told exists. The crash test
// (reliability/crash-consistency.test.ts) does not tell the two apart — a SIGKILL leaves the operating system's
// page cache intact and the writes usually land in time — so this checks the option the server opens PGlite with.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { openPglite } from '../../src/index.ts';

describe('F5 PGlite durability', () => {
  it('F5: the server opens PGlite on disk without relaxedDurability, so a commit is on disk when it is acknowledged', async () => {
    const seen: PGliteOptions[] = [];
    const create = PGlite.create.bind(PGlite);
    // Records the options of every PGlite the server opens; the instance itself is made as usual.
    PGlite.create = ((options?: PGliteOptions) => {
      if (options) seen.push(options);
      return create(options);
    }) as typeof PGlite.create;
    const dir = mkdtempSync(join(tmpdir(), 'wt-f5-durability-'));
    try {
      const db = await openPglite(dir);
      try {
        assert.deepEqual((await db.query<{ one: number }>('SELECT 1 AS one')).rows, [{ one: 1 }]);
      } finally {
        await db.close();
      }
    } finally {
      PGlite.create = create;
      rmSync(dir, { recursive: true, force: true });
    }
    // PGlite opens a second, in-memory instance of its own for initdb on a fresh directory; ours is on disk.
    const onDisk = seen.filter((options) => /pgdata$/u.test(String(options.dataDir)));
    assert.equal(onDisk.length, 1, 'the server opened one PGlite on disk');
    assert.notEqual(onDisk[0]!.relaxedDurability, true, 'relaxedDurability is off (PGlite’s default)');
  });
});
