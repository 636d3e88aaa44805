#!/usr/bin/env node
// The `opspilot` command. Runs the compiled CLI (dist/main.js, built by `npm install` or `npm run build`) when it
// is there and no source this run executes has changed since; otherwise runs src/main.ts through tsx, so a working
// copy being edited needs no build step. main owns argv, stdio and the exit code.
//
// Kept to Node's built-ins and a few stats: this file is part of every start. build-info.json lists the sources of
// the start itself, of the context any command gets and of each command (see scripts/build.mjs), runs/<command>.json
// those of a run of one command in a small file, so `--help` checks a dozen files and `validate` a few hundred, not
// the whole tree. `--help`, `--version` and `version` (as text) are answered here from what the build recorded,
// without loading the CLI at all (see answerFromBuild).

/** A built-in module: `process.getBuiltinModule` (Node 20.16+) spares the ES module wrapper an import would build. */
const builtin = async (name) => process.getBuiltinModule?.(name) ?? (await import(name));
const { readFileSync, statSync } = await builtin('node:fs');
const { fileURLToPath } = await builtin('node:url');
const module = await builtin('node:module');

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

/** A JSON file of the build and its time, or undefined when there is no build. */
function readBuildFile(name) {
  try {
    const file = fileURLToPath(new URL(name, dist));
    const builtAt = statSync(file).mtimeMs;
    return { info: JSON.parse(readFileSync(file, 'utf8')), builtAt };
  } catch {
    return undefined;
  }
}

/** The arguments {@link answerFromBuild} answers. */
const ANSWERED = new Set(['--help', '-h', '--version', '-V', 'version']);

/**
 * The output of `opspilot --help`, `--version` or `version` (text) without loading the CLI (commander alone costs
 * more than the rest of such a start), from start-info.json (small, so it parses at once): the help text the
 * build rendered from the built program, which holds while the sources of the start are unchanged, and the version
 * of package.json. Undefined when the answer might differ from the CLI's: a terminal narrower than the help
 * (commander wraps it to the terminal), sources changed since the build. scripts/build.test.ts holds these answers
 * to the CLI's own.
 */
function answerFromBuild(build, arg) {
  const { start, help, versionCommand } = build.info;
  const version = () => JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
  if (arg === '--help' || arg === '-h') {
    if (!olderThan(start, build.builtAt)) return undefined;
    if (!process.stdout.isTTY) return help.text;
    return (process.stdout.columns ?? 0) >= help.width ? help.wide : undefined;
  }
  if (arg === '--version' || arg === '-V') return olderThan(start, build.builtAt) ? `${version()}\n` : undefined;
  if (arg === 'version' && olderThan([...start, ...versionCommand], build.builtAt)) {
    return `opspilot ${version()} (node ${process.version}, ${process.platform}/${process.arch})\n`;
  }
  return undefined;
}

const argv = process.argv.slice(2);
const fromSource = process.env.OPSPILOT_FROM_SOURCE === '1';
const quick = !fromSource && argv.length === 1 && ANSWERED.has(argv[0]) ? readBuildFile('start-info.json') : undefined;
const answer = quick && answerFromBuild(quick, argv[0]);
/** A word that may name a command (`validate`, `sim`), not a file, flag or value. */
const COMMAND_WORD = /^[a-z][a-z0-9-]*$/;

/**
 * The sources a run with `argv` executes and when they were built: from the small list the build wrote for each
 * command named (dist/runs/<command>.json), else from build-info.json.
 */
function runOf(argv) {
  const runs = argv
    .filter((arg) => COMMAND_WORD.test(arg))
    .map((arg) => readBuildFile(`runs/${arg}.json`))
    .filter((run) => run !== undefined);
  if (runs.length > 0) {
    return { sources: [...new Set(runs.flatMap((run) => run.info))], builtAt: Math.min(...runs.map((r) => r.builtAt)) };
  }
  const build = readBuildFile('build-info.json');
  return build && { sources: sourcesOf(build.info, argv), builtAt: build.builtAt };
}

const run = answer === undefined && !fromSource ? runOf(argv) : undefined;

if (answer !== undefined) {
  process.stdout.write(answer);
} else if (run && olderThan(run.sources, run.builtAt)) {
  // Node 22.1+ keeps the compiled code of the modules loaded on disk for the next start (Node 20 has no such cache).
  module.enableCompileCache?.();
  // Source maps are not read by default: Node would parse the map of every chunk loaded (~45 ms of `--help`, ~170 ms
  // of `validate`). `NODE_OPTIONS=--enable-source-maps opspilot …` maps stack traces to the TypeScript.
  await import(new URL('main.js', dist).href);
} else {
  if (!fromSource) {
    process.stderr.write(
      'opspilot: running from source (the build is missing or stale; `npm run build` speeds this up)\n',
    );
  }
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/main.ts', import.meta.url).href);
}
