import { type FileWrite, NO_FILES, type ProcessFiles } from './fileWrites.js';
import type { ImageProfile } from './imageCatalog.js';
import { parseQuantity } from './quantity.js';
import { type FileRun, lines, out, readFile, runFileCommand, writeFile } from './shellFiles.js';
import { type ShellToken, shellWords, UnsupportedShell } from './shellWords.js';

type Json = Record<string, unknown>;

/**
 * What a container's process does, as the simulated kubelet interprets its command against the image's facts:
 * - `default`: the image's own process (no command given, or the command starts the image's server);
 * - `runs`: runs until killed, logging `logs` once and `every.lines` every `every.ms`;
 * - `exits`: exits with `exitCode` after `runMs`, having logged `logs`;
 * - `startError`: the runtime cannot start it (a missing executable);
 * - `unknown`: a program or script outside the interpreted subset (it runs, as the image's profile says).
 * `memoryMi` / `memoryGrowthMiPerMinute` are set when the command itself allocates memory; `writes` are the file
 * changes the process makes (redirections, `touch`, `rm`, `mkdir`), `atMs` into its run (a loop's, into each
 * iteration from `every.startMs`).
 */
export type ContainerProcess =
  | { kind: 'default' }
  | {
      kind: 'runs';
      logs: string[];
      every?: { ms: number; lines: string[]; startMs?: number; writes?: FileWrite[] };
      memoryMi?: number;
      memoryGrowthMiPerMinute?: number;
      writes?: FileWrite[];
    }
  | { kind: 'exits'; exitCode: number; runMs: number; logs: string[]; writes?: FileWrite[] }
  | { kind: 'startError'; message: string }
  | { kind: 'unknown' };

const WRAPPERS = [
  '/docker-entrypoint.sh',
  'docker-entrypoint.sh',
  '/entrypoint.sh',
  '/usr/local/bin/docker-entrypoint.sh',
];
/** Shell builtins: always there inside `sh -c`, whatever the image holds. */
const BUILTINS = [
  'exit',
  'export',
  'trap',
  ':',
  'true',
  'false',
  'echo',
  'printf',
  'cd',
  'set',
  'wait',
  'exec',
  '[',
  'test',
];
const UNITS: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
/** How fast `tail /dev/zero` grows: it buffers an endless line. */
const TAIL_ZERO_MI_PER_MINUTE = 6_000;

const basename = (program: string) => program.slice(program.lastIndexOf('/') + 1);

class Exit {
  constructor(readonly code: number) {}
}
class Forever {}
/** The command starts the image's own server process. */
class ImageServer {}

/** The state of an interpreted run: elapsed time, output and environment. */
interface Run extends FileRun {
  env: Record<string, string>;
  profile: ImageProfile;
  memoryMi?: number;
  growth?: number;
  every?: { ms: number; lines: string[]; startMs?: number; writes?: FileWrite[] };
  network?: NetworkRunner;
}

/**
 * Runs `wget`, `curl` or `nc` (argv) from the container's pod through the simulated network: what it printed, its
 * exit code and how long it waited (a dropped connection: the client's timeout). Undefined for other programs.
 */
export type NetworkRunner = (
  argv: string[],
) => { exitCode: number; stdout: string; stderr: string; elapsedMs: number } | undefined;

function hasProgram(profile: ImageProfile, program: string): boolean {
  if (!profile.binariesKnown) return true;
  return profile.binaries.includes(program) || profile.binaries.includes(basename(program));
}

function sizeMi(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const m = value.match(/^(\d+(?:\.\d+)?)([bkmgBKMG]?)$/);
  if (!m) return undefined;
  const factor = { '': 1 / 2 ** 20, b: 1 / 2 ** 20, k: 1 / 1024, m: 1, g: 1024 }[m[2]!.toLowerCase()] ?? 1;
  return Number(m[1]) * factor;
}

/** The environment the container's process sees: the literal `env` entries plus what every container has. */
export function containerEnv(container: Json, hostname = 'pod'): Record<string, string> {
  const env: Record<string, string> = {
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    HOSTNAME: hostname,
    HOME: '/root',
    KUBERNETES_SERVICE_HOST: '10.96.0.1',
    KUBERNETES_SERVICE_PORT: '443',
  };
  for (const e of Array.isArray(container.env) ? (container.env as Json[]) : []) {
    if (typeof e !== 'object' || e === null) continue;
    if (typeof e.name === 'string' && typeof e.value === 'string') env[e.name] = e.value;
  }
  return env;
}

/** Runs one program with its arguments; returns its exit code, or throws Exit / Forever / UnsupportedShell. */
function runProgram(argv: string[], run: Run, inShell: boolean): number {
  const [program = '', ...args] = argv;
  const name = basename(program);
  if (!(inShell && BUILTINS.includes(program)) && !hasProgram(run.profile, program)) {
    if (!inShell) throw new UnsupportedShell('missing program');
    run.logs.push(
      run.shell === 'bash' ? `bash: line 1: ${program}: command not found` : `${run.shell}: 1: ${program}: not found`,
    );
    return 127;
  }
  const fileCode = runFileCommand(name, args, run);
  if (fileCode !== undefined) return fileCode;
  switch (name) {
    case 'sh':
    case 'bash':
    case 'ash':
    case 'dash': {
      if (args[0] !== '-c' || args[1] === undefined) throw new UnsupportedShell('shell without -c');
      const outer = run.shell;
      run.shell = name === 'bash' ? 'bash' : 'sh';
      try {
        return runScript(args[1], run);
      } finally {
        run.shell = outer;
      }
    }
    case 'echo': {
      const words = args[0] === '-n' || args[0] === '-e' ? args.slice(1) : args;
      out(run, words.join(' ').split('\n'));
      return 0;
    }
    case 'printf':
      out(
        run,
        (args[0] ?? '')
          .replace(/%s/, args[1] ?? '')
          .replace(/\\n$/, '')
          .split('\\n'),
      );
      return 0;
    case 'true':
    case ':':
    case 'trap':
    case 'export':
      return 0;
    case 'false':
      return 1;
    case 'exit':
      throw new Exit(args[0] === undefined ? 0 : Number(args[0]) & 255);
    case 'sleep': {
      if (args[0] === 'infinity' || args[0] === 'inf') throw new Forever();
      const m = args[0]?.match(/^(\d+(?:\.\d+)?)([smhd]?)$/);
      if (!m) throw new UnsupportedShell('sleep argument');
      run.ms += Number(m[1]) * UNITS[m[2]!]!;
      return 0;
    }
    case 'env':
    case 'printenv': {
      if (args.length === 0) {
        out(
          run,
          Object.entries(run.env).map(([k, v]) => `${k}=${v}`),
        );
        return 0;
      }
      if (name === 'env') throw new UnsupportedShell('env with a command');
      const value = run.env[args[0]!];
      if (value !== undefined) out(run, [value]);
      return value === undefined ? 1 : 0;
    }
    case 'tail':
      if (args.includes('/dev/zero')) {
        run.growth = TAIL_ZERO_MI_PER_MINUTE;
        throw new Forever();
      }
      if (args.includes('-f') || args.includes('-F')) {
        for (const p of args.filter((a) => !a.startsWith('-') && !/^\d+$/.test(a))) {
          const file = readFile(run, p);
          if (file.ok) out(run, lines(file.content).slice(-10));
          else if (args.includes('-f')) {
            run.logs.push(`tail: cannot open '${p}' for reading: ${file.message}`, 'tail: no files remaining');
            return 1;
          }
        }
        throw new Forever();
      }
      throw new UnsupportedShell('tail');
    case 'stress': {
      const vms = Number(args[args.indexOf('--vm') + 1] ?? 1) || 1;
      const bytes = sizeMi(args[args.indexOf('--vm-bytes') + 1]) ?? 256;
      run.memoryMi = vms * bytes;
      run.logs.push(`stress: info: [1] dispatching hogs: 0 cpu, 0 io, ${vms} vm, 0 hdd`);
      throw new Forever();
    }
    case 'python':
    case 'python3':
      if (args[0] !== '-c' || args[1] === undefined) throw new UnsupportedShell('python script');
      return runPython(args[1], run);
    case 'wget':
    case 'curl':
    case 'nc': {
      const result = run.network?.([name, ...args]);
      if (!result) throw new UnsupportedShell(`program ${name} without a network`);
      run.ms += result.elapsedMs;
      out(run, lines(result.stdout));
      run.logs.push(...lines(result.stderr));
      return result.exitCode;
    }
    default: {
      const server = run.profile.command.find((c) => !WRAPPERS.includes(c));
      if (server && name === basename(server) && run.profile.ports.length > 0) throw new ImageServer();
      throw new UnsupportedShell(`program ${name}`);
    }
  }
}

/** The few Python one-liners the simulated kubelet recognises. */
function runPython(code: string, run: Run): number {
  const statements = code
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
  for (const statement of statements) {
    if (/^(import|from)\s/.test(statement)) continue;
    const exit = statement.match(/^(?:sys\.exit|exit|quit)\(\s*(-?\d+)?\s*\)$/);
    if (exit) throw new Exit(Number(exit[1] ?? 0) & 255);
    const exitMessage = statement.match(/^(?:sys\.exit|exit|quit)\(\s*(['"])(.*)\1\s*\)$/);
    if (exitMessage) {
      run.logs.push(exitMessage[2]!);
      throw new Exit(1);
    }
    const print = statement.match(/^print\(\s*(['"])(.*)\1\s*\)$/);
    if (print) {
      run.logs.push(print[2]!);
      continue;
    }
    const sleep = statement.match(/^time\.sleep\(\s*(\d+(?:\.\d+)?)\s*\)$/);
    if (sleep) {
      run.ms += Number(sleep[1]) * 1000;
      continue;
    }
    const raise = statement.match(/^raise\s+([A-Za-z_]\w*)(?:\(\s*(?:(['"])(.*)\2)?\s*\))?$/);
    if (raise) {
      const detail = raise[3] ? `: ${raise[3]}` : '';
      run.logs.push(
        'Traceback (most recent call last):',
        '  File "<string>", line 1, in <module>',
        `${raise[1]}${detail}`,
      );
      throw new Exit(1);
    }
    if (/^while\s+True\s*:/.test(statement)) throw new Forever();
    throw new UnsupportedShell('python statement');
  }
  return 0;
}

type Node =
  | { type: 'command'; words: string[]; redirect?: { path: string; append: boolean } }
  | { type: 'while'; cond: Node[][]; body: Node[][] };

/** Parses tokens into and-or lists of commands (a list of `[cmd, op, cmd, op, …]`). */
function parseList(tokens: ShellToken[], pos: { i: number }, until: string[]): Node[][] {
  const list: Node[][] = [];
  let current: (Node | string)[] = [];
  const end = () => {
    if (current.length > 0) list.push(current as Node[]);
    current = [];
  };
  while (pos.i < tokens.length) {
    const token = tokens[pos.i]!;
    if ('word' in token && !token.quoted && until.includes(token.word) && current.length % 2 === 0) break;
    if ('op' in token) {
      if (token.op === ';' || token.op === '\n') {
        end();
        pos.i++;
        continue;
      }
      if (token.op === '&&' || token.op === '||') {
        current.push(token.op);
        pos.i++;
        continue;
      }
      throw new UnsupportedShell(`operator ${token.op}`);
    }
    if (!token.quoted && token.word === 'while') {
      pos.i++;
      const cond = parseList(tokens, pos, ['do']);
      pos.i++;
      const body = parseList(tokens, pos, ['done']);
      if (pos.i >= tokens.length) throw new UnsupportedShell('while without done');
      pos.i++;
      current.push({ type: 'while', cond, body } as Node);
      continue;
    }
    if (!token.quoted && ['if', 'for', 'until', 'case', 'function', '{', 'do', 'done'].includes(token.word))
      throw new UnsupportedShell(`keyword ${token.word}`);
    const words: string[] = [];
    let redirect: { path: string; append: boolean } | undefined;
    while (pos.i < tokens.length) {
      const t = tokens[pos.i]!;
      if ('op' in t && (t.op === '>' || t.op === '>>' || t.op === '2>')) {
        const target = tokens[pos.i + 1];
        if (!target || !('word' in target)) throw new UnsupportedShell('redirection');
        if (t.op !== '2>') redirect = { path: target.word, append: t.op === '>>' };
        pos.i += 2;
        continue;
      }
      if ('op' in t && t.op === '2>&1') {
        pos.i++;
        continue;
      }
      if ('op' in t || (!t.quoted && until.includes(t.word) && words.length === 0)) break;
      words.push(t.word);
      pos.i++;
    }
    current.push({ type: 'command', words, ...(redirect ? { redirect } : {}) } as Node);
  }
  end();
  return list;
}

function runList(list: Node[][], run: Run): number {
  let code = 0;
  for (const andOr of list) {
    const items = andOr as (Node | string)[];
    code = runNode(items[0] as Node, run);
    for (let k = 1; k < items.length; k += 2) {
      const op = items[k] as string;
      if ((op === '&&' && code === 0) || (op === '||' && code !== 0)) code = runNode(items[k + 1] as Node, run);
    }
  }
  return code;
}

function runNode(node: Node, run: Run): number {
  if (node.type === 'while') {
    const cond = node.cond.length === 1 && node.cond[0]!.length === 1 ? (node.cond[0]![0] as Node) : undefined;
    if (cond?.type !== 'command' || !['true', ':'].includes(cond.words.join(' ')))
      throw new UnsupportedShell('while condition');
    const before = { ms: run.ms, logs: run.logs.length, writes: run.writes.length };
    runList(node.body, run);
    const periodMs = Math.max(run.ms - before.ms, 1000);
    const writes = run.writes.splice(before.writes).map((w) => ({ ...w, atMs: w.atMs - before.ms }));
    run.every = {
      ms: periodMs,
      lines: run.logs.splice(before.logs),
      ...(writes.length > 0 ? { startMs: before.ms, writes } : {}),
    };
    throw new Forever();
  }
  const words = [...node.words];
  while (words.length > 0 && /^[A-Za-z_]\w*=/.test(words[0]!)) {
    const [k, ...v] = words.shift()!.split('=');
    run.env[k!] = v.join('=');
  }
  if (words.length === 0) return 0;
  if (words[0] === 'exec') words.shift();
  if (!node.redirect) return runProgram(words, run, true);
  const outer = run.capture;
  const captured: string[] = [];
  run.capture = captured;
  let code: number;
  try {
    code = runProgram(words, run, true);
  } finally {
    run.capture = outer;
  }
  const content = captured.length > 0 ? `${captured.join('\n')}\n` : '';
  const problem = writeFile(run, node.redirect.path, node.redirect.append ? 'append' : 'write', content);
  if (problem) {
    run.logs.push(problem);
    return 1;
  }
  return code;
}

function runScript(script: string, run: Run): number {
  const tokens = shellWords(script, run.env);
  const pos = { i: 0 };
  const list = parseList(tokens, pos, []);
  return runList(list, run);
}

/** The argv the runtime execs: `command` replaces the entrypoint, `args` the image's default arguments. */
function execArgv(container: Json, profile: ImageProfile): string[] | undefined {
  const strings = (v: unknown) => (Array.isArray(v) ? v.map(String) : undefined);
  const command = strings(container.command);
  const args = strings(container.args);
  if (command?.length) return [...command, ...(args ?? [])];
  if (!args?.length) return undefined;
  const entrypoint = profile.command[0];
  if (entrypoint && WRAPPERS.includes(entrypoint)) return [entrypoint, ...args];
  return args;
}

/**
 * Interprets a container's command and args against its image's facts (see ContainerProcess). A missing executable
 * is a start error with the runtime's message; the shell subset (`sh -c` / `bash -c` with `;`, `&&`, `||`, `exit`,
 * `sleep`, `echo`, `printf`, `env`, `printenv`, `true`, `false`, `trap`, variable assignments, `while true; do …;
 * done`, `tail -f`, redirections to files) and `python3 -c` one-liners (`sys.exit(N)`, `print(…)`, `time.sleep(N)`,
 * `raise E(…)`, `while True:`) decide whether it runs, exits with a code, and what it logs. With `network`,
 * `wget`, `curl` and `nc` reach Services and pods through the simulated network and exit as those clients do
 * (without it they are unknown programs).
 */
export function containerProcess(
  container: Json,
  profile: ImageProfile,
  env = containerEnv(container),
  files: ProcessFiles = NO_FILES,
  network?: NetworkRunner,
): ContainerProcess {
  let argv = execArgv(container, profile);
  if (!argv) return { kind: 'default' };
  if (argv[0] && WRAPPERS.includes(argv[0]) && hasProgram(profile, argv[0])) {
    argv = argv.slice(1);
    if (profile.binaries.includes('curl') && argv[0] && (argv[0].startsWith('-') || !hasProgram(profile, argv[0])))
      argv = ['curl', ...argv];
  }
  const program = argv[0] ?? '';
  if (!hasProgram(profile, program)) {
    const detail = program.includes('/')
      ? `exec: "${program}": stat ${program}: no such file or directory`
      : `exec: "${program}": executable file not found in $PATH`;
    return {
      kind: 'startError',
      message: `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${detail}: unknown`,
    };
  }
  const run: Run = {
    ms: 0,
    logs: [],
    env: { ...env },
    profile,
    shell: 'sh',
    busybox: profile.binaries.includes('busybox'),
    files,
    own: new Map(),
    writes: [],
    ...(network ? { network } : {}),
  };
  const writes = () => (run.writes.length > 0 ? { writes: run.writes } : {});
  try {
    const code = runProgram(argv, run, false);
    return { kind: 'exits', exitCode: code, runMs: Math.max(run.ms, 1000), logs: run.logs, ...writes() };
  } catch (error) {
    if (error instanceof Exit)
      return { kind: 'exits', exitCode: error.code, runMs: Math.max(run.ms, 1000), logs: run.logs, ...writes() };
    if (error instanceof Forever)
      return {
        kind: 'runs',
        logs: run.logs,
        ...(run.every ? { every: run.every } : {}),
        ...(run.memoryMi !== undefined ? { memoryMi: run.memoryMi } : {}),
        ...(run.growth !== undefined ? { memoryGrowthMiPerMinute: run.growth } : {}),
        ...writes(),
      };
    if (error instanceof ImageServer) return { kind: 'default' };
    if (error instanceof UnsupportedShell) return { kind: 'unknown' };
    throw error;
  }
}

/** The memory limit of a container in MiB, if it has one. */
export function memoryLimitMi(container: Json): number | undefined {
  const limit = parseQuantity(((container.resources as Json | undefined)?.limits as Json | undefined)?.memory);
  return limit === undefined ? undefined : limit / 2 ** 20;
}
