// `npm run bench`: runs the `bench` script of every workspace that has one, one after the other (the machine
// has two cores; parallel benches would measure each other), each bounded in time, and ends with every figure
// they printed, grouped by workspace. Timing comparisons live here, never in `npm test`.
//
//   npm run bench                          every workspace
//   npm run bench -- server element        workspaces whose name contains one of the words
//   BENCH_TIMEOUT_SECONDS=900 npm run bench
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const timeoutSeconds = Number(process.env.BENCH_TIMEOUT_SECONDS ?? 600);
const filters = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));

/** A line that reports a measurement: a number with a unit of time, size, rate or ratio. */
const FIGURE =
  /\d(?:[\d.,]*)\s*(?:ns|µs|us|ms|s|min|B|kB|KB|KiB|MB|MiB|GB|req\/s|ops\/s|\/s|%|x|×|rps|hashes\/s)\b|p(?:50|95|99)\b/;

/** The workspaces of the root package.json that define a `bench` script. */
function benchWorkspaces() {
  const root = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
  return root.workspaces
    .map((dir) => ({ dir, manifest: join(repo, dir, 'package.json') }))
    .filter(({ manifest }) => existsSync(manifest))
    .map(({ dir, manifest }) => ({ dir, pkg: JSON.parse(readFileSync(manifest, 'utf8')) }))
    .filter(({ pkg }) => typeof pkg.scripts?.bench === 'string')
    .filter(({ dir, pkg }) => filters.length === 0 || filters.some((word) => `${dir} ${pkg.name}`.includes(word)));
}

/** Runs one workspace's bench in its own process group, streaming its output with a prefix; kills it at the deadline. */
function runBench({ dir, pkg }) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn('npm', ['run', 'bench', '--silent'], {
      cwd: join(repo, dir),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const prefix = `[${pkg.name.replace('@wij-techniek/', '')}] `;
    const lines = [];
    let pending = '';
    const onData = (stream) => (chunk) => {
      pending += chunk;
      const complete = pending.split('\n');
      pending = complete.pop() ?? '';
      for (const line of complete) {
        lines.push(line);
        stream.write(`${prefix}${line}\n`);
      }
    };
    child.stdout.on('data', onData(process.stdout));
    child.stderr.on('data', onData(process.stderr));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, timeoutSeconds * 1000);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (pending) lines.push(pending);
      resolve({ name: pkg.name, code, timedOut, seconds: (Date.now() - started) / 1000, lines });
    });
  });
}

const workspaces = benchWorkspaces();
if (workspaces.length === 0) {
  console.log('bench: no workspace defines a bench script' + (filters.length ? ` matching ${filters.join(', ')}` : ''));
  process.exit(0);
}

const results = [];
for (const workspace of workspaces) {
  console.log(`\n── bench ${workspace.pkg.name} (at most ${timeoutSeconds} s)`);
  results.push(await runBench(workspace));
}

console.log('\n── figures');
for (const result of results) {
  const status = result.timedOut
    ? `stopped after ${timeoutSeconds} s (BENCH_TIMEOUT_SECONDS)`
    : result.code === 0
      ? `done in ${result.seconds.toFixed(1)} s`
      : `failed (exit code ${result.code}) after ${result.seconds.toFixed(1)} s`;
  console.log(`${result.name}: ${status}`);
  const figures = result.lines.filter((line) => FIGURE.test(line));
  for (const line of figures) console.log(`  ${line.trim()}`);
  if (figures.length === 0) console.log('  (no figures printed)');
}
const failed = results.filter((result) => result.timedOut || result.code !== 0);
console.log(`bench: ${results.length - failed.length} of ${results.length} workspaces finished`);
process.exitCode = failed.length === 0 ? 0 : 1;
