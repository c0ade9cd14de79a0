// Builds every package (tsc project references), then the element's bundles when the element has them.
// Runs from `prepare`, so `npm install` leaves working bins (`wt-onboarding-server`, `wt-eherkenning-sim`).
import { existsSync } from 'node:fs';
import { bin, run } from './run.mjs';

const steps = [[bin('tsc'), ['-b', 'tsconfig.json']]];
if (existsSync('packages/element/vite.config.ts')) {
  steps.push([bin('vite'), ['build', '--config', 'packages/element/vite.config.ts', '--logLevel', 'warn']]);
}
for (const [command, args] of steps) {
  const { code } = await run(command, args);
  if (code !== 0) {
    console.error(`build: ${[command.split('/').pop(), ...args].join(' ')} failed`);
    process.exit(code);
  }
}
