import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main';

/** Runs the command in-process and captures its exit code and output. */
export async function run(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const input = new PassThrough();
  input.end(stdin);
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), stdin: input });
  return { code, out, err };
}
