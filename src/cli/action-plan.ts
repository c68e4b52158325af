#!/usr/bin/env node
import { main } from './main';

// The action-plan command's entry point (package.json "bin", built by `npm run build:cli`).
void main(process.argv.slice(2), { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), stdin: process.stdin }).then(
  (code) => {
    process.exitCode = code;
  },
);
