// `npm start`'s stack (scripts/stack.mjs), as a web editor and a developer meet it: the server's APP_URL is the page
// that hosts the element (a failed eHerkenning return and the mails' links landed on the examples index, which has
// none), and Ctrl-C stops at once (the server's 5 s SHUTDOWN_DRAIN is for load balancers). The simulator's
// form-action for every allowed origin is tested in packages/eherkenning-sim/test/simulator.test.ts.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { freePort, startStack } from '../../scripts/stack.mjs';

describe('npm start stack', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'wt-dev-stack-'));
  let stack: Awaited<ReturnType<typeof startStack>> | undefined;
  before(async () => {
    stack = await startStack({
      port: Number(await freePort()),
      simPort: Number(await freePort()),
      webPort: Number(await freePort()),
      dataDir,
    });
  });
  after(async () => {
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a failed eHerkenning return lands on the page with the element, not the examples index', async () => {
    const response = await fetch(`${stack!.apiUrl}/eherkenning/callback?state=junk&code=junk`, { redirect: 'manual' });
    assert.equal(response.status, 303);
    const location = new URL(response.headers.get('location') ?? '', stack!.url);
    assert.equal(location.pathname, '/cms-paste-in/');
    assert.equal(location.searchParams.get('wt-eherkenning'), 'failed');
    const page = await (await fetch(location)).text();
    assert.match(page, /<wt-onboarding\b/);
  });

  it('stops at once: no drain period for a load balancer that is not there', async () => {
    const started = Date.now();
    const { forced } = await stack!.stop();
    stack = undefined;
    assert.deepEqual(forced, []);
    assert.ok(Date.now() - started < 3000, `stopped in ${Date.now() - started} ms`);
  });
});
