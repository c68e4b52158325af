import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { PassThrough } from 'node:stream';
import ts from 'typescript';
import { main, type Io } from '../../src/cli/main';

/** Runs the command in-process and captures its exit code and output; `io` injects a write function. */
export async function run(
  args: string[],
  stdin = '',
  io: Partial<Pick<Io, 'write'>> = {},
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const input = new PassThrough();
  input.end(stdin);
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), stdin: input, ...io });
  return { code, out, err };
}

const ROOT = join(__dirname, '..', '..');
let built: string | undefined;

/**
 * The command compiled for a child process (a real signal, another user, another mount namespace): the
 * sources of src/cli, src/core and src/xlsx transpiled to CommonJS in a temporary folder anyone can read.
 * Run it with NODE_PATH set to `nodePath` so its packages resolve.
 */
export function compiledCommand(): { dir: string; cli: string; nodePath: string } {
  if (!built) {
    built = mkdtempSync(join(tmpdir(), 'apc-cli-build-'));
    chmodSync(built, 0o755);
    for (const folder of ['cli', 'core', 'xlsx']) {
      // Sub-folders too (src/core/vocabulary).
      for (const name of readdirSync(join(ROOT, 'src', folder), { recursive: true }) as string[]) {
        if (!name.endsWith('.ts') || name.endsWith('.test.ts')) continue;
        const source = join(ROOT, 'src', folder, name);
        const { outputText } = ts.transpileModule(readFileSync(source, 'utf8'), {
          compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
        });
        const target = join(built, relative(ROOT, source).replace(/\.ts$/, '.js'));
        mkdirSync(dirname(target), { recursive: true, mode: 0o755 });
        writeFileSync(target, outputText, { mode: 0o644 });
      }
    }
  }
  return { dir: built, cli: join(built, 'src', 'cli', 'action-plan.js'), nodePath: join(ROOT, 'node_modules') };
}
