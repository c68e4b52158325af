// Runs commands at once, each one's output printed whole when it ends (not interleaved), and fails when any fails.
// `npm test` runs its type checks and lint this way: each is one single-threaded process, so on two cores they
// take the time of the longest instead of the sum. Usage: node scripts/parallel.mjs "tsc -p a.json" "eslint ." ...
import { spawn } from 'node:child_process';

/** Runs one command in a shell; resolves with its exit code and everything it printed. */
function run(command) {
  return new Promise((resolve) => {
    const child = spawn(command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    child.on('error', (error) => resolve({ code: 1, output: Buffer.from(`${error.message}\n`) }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output: Buffer.concat(chunks) }));
  });
}

const commands = process.argv.slice(2);
const results = await Promise.all(
  commands.map(async (command) => {
    const result = await run(command);
    process.stdout.write(`\n> ${command}\n${result.output.toString()}`);
    if (result.code !== 0) process.stdout.write(`"${command}" failed (exit ${result.code})\n`);
    return result.code;
  }),
);
process.exitCode = results.some((code) => code !== 0) ? 1 : 0;
