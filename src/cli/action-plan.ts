#!/usr/bin/env node
import { main } from './main';
import { quietOnClosedPipe } from './pipes';

// The action-plan command's entry point (package.json "bin", built by `npm run build:cli`).
quietOnClosedPipe([process.stdout, process.stderr], () => process.exit(process.exitCode ?? 0));
void main(process.argv.slice(2), { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), stdin: process.stdin }).then(
  (code) => {
    process.exitCode = code;
  },
);
