// Type-checks every package with its sources and tests, and the end-to-end tests.
import { existsSync, readdirSync } from 'node:fs';
import { bin, run } from './run.mjs';

const projects = readdirSync('packages').map((name) => `packages/${name}/tsconfig.json`);
if (existsSync('test/tsconfig.json')) projects.push('test/tsconfig.json');
if (existsSync('examples/tsconfig.json')) projects.push('examples/tsconfig.json');

let failed = 0;
for (const project of projects) {
  if (!existsSync(project)) continue;
  const { code } = await run(bin('tsc'), ['-p', project, '--noEmit']);
  if (code !== 0) failed++;
}
process.exitCode = failed === 0 ? 0 : 1;
