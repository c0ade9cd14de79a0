// Small helpers shared by the repository scripts: run a command, stream its output, capture it too.
import { spawn } from 'node:child_process';

/**
 * Runs `command` with `args`, streaming its output to ours, and resolves with its exit code and the output.
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnOptions} [options]
 * @returns {Promise<{ code: number, output: string }>}
 */
export function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
      process.stderr.write(chunk);
    });
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
    child.on('error', (error) => resolve({ code: 1, output: String(error) }));
  });
}

/** The binary of a locally installed tool. */
export const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
