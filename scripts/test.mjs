#!/usr/bin/env node
// `npm test`: type-check, unit tests, then the browser tests against the built extension.
import { spawnSync } from 'node:child_process';

const run = (cmd, args) => {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: false });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run('npx', ['tsc', '--noEmit']);
run('npx', ['vitest', 'run']);
// Issue #9: the Firefox build passes Mozilla's web-ext lint (fails on errors) and names its pages.
run('npm', ['run', 'lint:firefox']);
run('npm', ['run', 'test:server']);
run('npm', ['run', 'test:browser']);
