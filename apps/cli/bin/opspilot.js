#!/usr/bin/env node
// The `opspilot` command. Runs the compiled CLI (dist/main.js, built by `npm install` or `npm run build`) when it
// is there and no source it was built from has changed since; otherwise runs src/main.ts through tsx, so a
// working copy being edited needs no build step. main owns argv, stdio and the exit code.
import { readFileSync, statSync } from 'node:fs';

const root = new URL('../../../', import.meta.url);
const dist = new URL('../dist/', import.meta.url);

/** The build is usable when build-info.json exists and every source it lists is older than it. */
function distIsFresh() {
  try {
    const info = new URL('build-info.json', dist);
    const builtAt = statSync(info).mtimeMs;
    const { inputs } = JSON.parse(readFileSync(info, 'utf8'));
    return inputs.every((path) => statSync(new URL(path, root)).mtimeMs <= builtAt);
  } catch {
    return false;
  }
}

if (process.env.OPSPILOT_FROM_SOURCE !== '1' && distIsFresh()) {
  process.setSourceMapsEnabled(true);
  await import(new URL('main.js', dist).href);
} else {
  if (process.env.OPSPILOT_FROM_SOURCE !== '1') {
    process.stderr.write(
      'opspilot: running from source (the build is missing or stale; `npm run build` speeds this up)\n',
    );
  }
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/main.ts', import.meta.url).href);
}
