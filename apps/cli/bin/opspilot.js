#!/usr/bin/env node
// The `opspilot` command. Runs the compiled CLI (dist/main.js, built by `npm install` or `npm run build`) when it
// is there and no source this run executes has changed since; otherwise runs src/main.ts through tsx, so a working
// copy being edited needs no build step. main owns argv, stdio and the exit code.
//
// Kept to Node's built-ins and a few stats: this file is part of every start. build-info.json lists the sources of
// the start itself, of the context any command gets and of each command (see scripts/build.mjs), so `--help` checks
// a dozen files and `validate` a few hundred, not the whole tree.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dist = new URL('../dist/', import.meta.url);

/** The sources a run with `argv` executes, from build-info.json (all of them for a build that does not say). */
function sourcesOf(info, argv) {
  if (!info.start || !info.commands) return info.inputs;
  const named = argv.filter((arg) => Object.hasOwn(info.commands, arg));
  if (named.length === 0) return info.start;
  return [...new Set([...info.start, ...info.context, ...named.flatMap((name) => info.commands[name])])];
}

/** The build is usable when build-info.json exists and every source the run executes is older than it. */
function distIsFresh(argv) {
  try {
    const infoFile = fileURLToPath(new URL('build-info.json', dist));
    const builtAt = statSync(infoFile).mtimeMs;
    const info = JSON.parse(readFileSync(infoFile, 'utf8'));
    return sourcesOf(info, argv).every((path) => {
      const stat = statSync(root + path, { throwIfNoEntry: false });
      return stat !== undefined && stat.mtimeMs <= builtAt;
    });
  } catch {
    return false;
  }
}

if (process.env.OPSPILOT_FROM_SOURCE !== '1' && distIsFresh(process.argv.slice(2))) {
  // Source maps are not read by default: Node would parse the map of every chunk loaded (~45 ms of `--help`, ~170 ms
  // of `validate`). `NODE_OPTIONS=--enable-source-maps opspilot …` maps stack traces to the TypeScript.
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
