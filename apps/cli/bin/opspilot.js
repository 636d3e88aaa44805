#!/usr/bin/env node
import { readFileSync, statSync } from 'node:fs';
// The `opspilot` command. Runs the compiled CLI (dist/main.js, built by `npm install` or `npm run build`) when it
// is there and no source this run executes has changed since; otherwise runs src/main.ts through tsx, so a working
// copy being edited needs no build step. main owns argv, stdio and the exit code.
//
// Kept to Node's built-ins and a few stats: this file is part of every start. build-info.json lists the sources of
// the start itself, of the context any command gets and of each command (see scripts/build.mjs), so `--help` checks
// a dozen files and `validate` a few hundred, not the whole tree. `--help`, `--version` and `version` (as text)
// are answered here from what the build recorded, without loading the CLI at all (see answerFromBuild).
import module from 'node:module';
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

/** True when every one of `paths` (from the repository root) exists and is older than `builtAt`. */
function olderThan(paths, builtAt) {
  return paths.every((path) => {
    const stat = statSync(root + path, { throwIfNoEntry: false });
    return stat !== undefined && stat.mtimeMs <= builtAt;
  });
}

/** build-info.json and its time, or undefined when there is no build. */
function readBuildInfo() {
  try {
    const infoFile = fileURLToPath(new URL('build-info.json', dist));
    const builtAt = statSync(infoFile).mtimeMs;
    return { info: JSON.parse(readFileSync(infoFile, 'utf8')), builtAt };
  } catch {
    return undefined;
  }
}

/**
 * The output of `opspilot --help`, `--version` or `version` (text) without loading the CLI (commander alone costs
 * more than the rest of such a start): the help text the build rendered (build-info.json `help`, from the built
 * program, so it holds while the sources of the start are unchanged) and the version of package.json. Undefined
 * for any other arguments, or when the answer might differ from the CLI's: a terminal narrower than the help
 * (commander wraps it to the terminal), sources changed since the build. scripts/build.test.ts holds these answers
 * to the CLI's own.
 */
function answerFromBuild(build, argv) {
  if (argv.length !== 1 || !build.info.help) return undefined;
  const [arg] = argv;
  const { start, commands } = build.info;
  const version = () => JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
  if (arg === '--help' || arg === '-h') {
    const { text, wide, width } = build.info.help;
    if (!olderThan(start, build.builtAt)) return undefined;
    if (!process.stdout.isTTY) return text;
    return (process.stdout.columns ?? 0) >= width ? wide : undefined;
  }
  if (arg === '--version' || arg === '-V') return olderThan(start, build.builtAt) ? `${version()}\n` : undefined;
  if (arg === 'version' && commands?.version && olderThan([...start, ...commands.version], build.builtAt)) {
    return `opspilot ${version()} (node ${process.version}, ${process.platform}/${process.arch})\n`;
  }
  return undefined;
}

const argv = process.argv.slice(2);
const build = process.env.OPSPILOT_FROM_SOURCE === '1' ? undefined : readBuildInfo();
const answer = build && answerFromBuild(build, argv);

if (answer !== undefined) {
  process.stdout.write(answer);
} else if (build && olderThan(sourcesOf(build.info, argv), build.builtAt)) {
  // Node 22.1+ keeps the compiled code of the modules loaded on disk for the next start (Node 20 has no such cache).
  module.enableCompileCache?.();
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
