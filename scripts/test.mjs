// `npm test`: every layer in one run, ending with one line that counts what passed and failed.
//
//   npm test                      format, lint, typecheck, node, browser, e2e
//   npm test -- --only node,e2e   some stages only (names as above)
//
// Node tests run under node's own runner (TAP, read for the counts); browser tests under web-test-runner in
// Chromium; end-to-end tests under node's runner with playwright-core (Chromium) and puppeteer-core (the Firefox
// journey, in Firefox ESR). PostgreSQL tests run when DATABASE_URL is set and report themselves skipped otherwise.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_MISSING, findChromium } from './chromium.mjs';
import { bin, run } from './run.mjs';

const onlyArg = process.argv.find((arg) => arg.startsWith('--only'));
const only = onlyArg
  ? (onlyArg.includes('=') ? onlyArg.split('=')[1] : process.argv[process.argv.indexOf(onlyArg) + 1]).split(',')
  : undefined;
const wanted = (stage) => !only || only.includes(stage);

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

/** Test files below `dir` whose names end in `suffix`, sorted. */
function findTests(dir, suffix) {
  if (!existsSync(dir)) return [];
  const found = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (entry === 'node_modules' || entry === 'dist') continue;
    if (statSync(path).isDirectory()) found.push(...findTests(path, suffix));
    else if (entry.endsWith(suffix)) found.push(path);
  }
  return found.sort();
}

/** Adds the counts of node's TAP summary (`# pass N` …) to the totals. */
function countTap(output) {
  const number = (name) => sumOf(output, name);
  const passed = number('pass');
  const failed = number('fail') + number('cancelled');
  const skipped = number('skipped') + number('todo');
  return { passed, failed, skipped };
}
function sumOf(output, name) {
  let sum = 0;
  for (const match of output.matchAll(new RegExp(`^# ${name} (\\d+)$`, 'gm'))) sum += Number(match[1]);
  return sum;
}

async function stage(name, fn) {
  if (!wanted(name)) return;
  console.log(`\n── ${name} ${'─'.repeat(Math.max(0, 60 - name.length))}`);
  const ok = await fn();
  if (!ok) failures.push(name);
}

/** A stage without test counts (format, lint, typecheck) counts as one check. */
async function check(name, command, args) {
  await stage(name, async () => {
    const { code } = await run(command, args);
    if (code === 0) totals.passed++;
    else totals.failed++;
    return code === 0;
  });
}

async function nodeTests(name, files, extraEnv = {}) {
  await stage(name, async () => {
    if (files.length === 0) {
      console.log(`${name}: no test files`);
      return true;
    }
    const { code, output } = await run(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', '--test', '--test-reporter=tap', ...files],
      { env: { ...process.env, ...extraEnv } },
    );
    const counts = countTap(output);
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    totals.skipped += counts.skipped;
    if (code !== 0 && counts.failed === 0) totals.failed++;
    console.log(`${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
    return code === 0;
  });
}

await check('format', bin('prettier'), ['--check', '.', '--log-level', 'warn']);
await check('lint', bin('eslint'), ['.', '--max-warnings', '0']);
await check('typecheck', process.execPath, ['scripts/typecheck.mjs']);

const nodeFiles = readdirSync('packages')
  .filter((name) => name !== 'element')
  .flatMap((name) => findTests(`packages/${name}/test`, '.test.ts'))
  .concat(findTests('test/docs', '.test.ts'))
  .filter((file) => !file.endsWith('.browser.test.ts'));
await nodeTests('node', nodeFiles);

const browserNeeded = wanted('browser') || wanted('e2e');
const chromium = browserNeeded ? findChromium() : undefined;
if (browserNeeded && !chromium) {
  console.error(CHROMIUM_MISSING);
  totals.failed++;
  failures.push('browser');
} else {
  await stage('browser', async () => {
    const { code, output } = await run(bin('wtr'), ['--config', 'web-test-runner.config.js'], {
      env: { ...process.env, CHROME_PATH: chromium },
    });
    const match = [...output.matchAll(/^wtr: (\d+) passed, (\d+) failed, (\d+) skipped$/gm)].pop();
    if (match) {
      totals.passed += Number(match[1]);
      totals.failed += Number(match[2]);
      totals.skipped += Number(match[3]);
    } else if (code !== 0) totals.failed++;
    return code === 0;
  });
  await nodeTests('e2e', findTests('test/e2e', '.test.ts'), { CHROME_PATH: chromium });
}

console.log(failures.length ? `\nfailed stages: ${failures.join(', ')}` : '\nall stages passed');
console.log(`total: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exitCode = failures.length === 0 && totals.failed === 0 ? 0 : 1;
