import { randomBytes } from 'node:crypto';
import { UnsupportedShell } from '../controllers/shellWords.js';
import type { ExecPod } from './execPod.js';
import type { ExecOptions, Run } from './execRun.js';
import { type AndOr, expandWord, parseScript, type ShellNode, type SimpleCommand } from './execShell.js';
import { curl, wget } from './httpClients.js';
import { cat, identity, ls, nc, nslookup, readText, test } from './podPrograms.js';
import { echo, fileArgs, grep, headTail, type Io, printf, sort, wc } from './textPrograms.js';

export type { ExecOptions } from './execRun.js';

/** How an exec ends: the command's output and exit code, or the runtime refusing to start it. */
export type ExecOutcome =
  | { kind: 'exited'; stdout: string; stderr: string; exitCode: number }
  | { kind: 'startError'; message: string };

class Exit {
  constructor(readonly code: number) {}
}

const SHELLS = ['sh', 'bash', 'ash', 'dash'];
const BUILTINS = ['exit', 'export', 'cd', 'true', 'false', ':', 'echo', 'printf', 'test', '[', 'set', 'exec', 'pwd'];
const basename = (p: string) => p.slice(p.lastIndexOf('/') + 1);

function hasProgram(pod: ExecPod, program: string): boolean {
  const { binaries, binariesKnown } = pod.profile;
  return !binariesKnown || binaries.includes(program) || binaries.includes(basename(program));
}

function notFound(run: Run, program: string): string {
  if (run.shell === 'bash') return `bash: line 1: ${program}: command not found\n`;
  return run.pod.busybox ? `sh: ${program}: not found\n` : `sh: 1: ${program}: not found\n`;
}

async function program(argv: string[], io: Io, run: Run): Promise<number> {
  const [path = '', ...args] = argv;
  const name = basename(path);
  const fileInputs = (files: string[]) => {
    const texts: { name: string; text: string }[] = [];
    for (const f of files) {
      const text = readText(run, name, f, io);
      if (text === undefined) return undefined;
      texts.push({ name: f, text });
    }
    return texts;
  };
  const withInput = (fn: (text: string) => number) => {
    const files = fileArgs(args);
    if (files.length === 0) return fn(io.stdin);
    const texts = fileInputs(files);
    return texts ? fn(texts.map((t) => t.text).join('')) : 1;
  };
  let waitedMs = 0;
  const client = {
    out: io.out,
    err: io.err,
    writeFile: (p: string, content: string) => {
      const r = run.pod.write(p, 'write', content);
      return r.ok ? undefined : r.message;
    },
    net: run.options.net,
    now: run.options.now,
    wait: (ms: number) => {
      waitedMs += ms;
    },
  };
  const waiting = async (code: number) => {
    if (waitedMs > 0) await run.options.wait(waitedMs);
    return code;
  };
  switch (name) {
    case 'sh':
    case 'bash':
    case 'ash':
    case 'dash': {
      const script = args[0] === '-c' ? args[1] : io.stdin;
      if (script === undefined) return 2;
      const outer = run.shell;
      run.shell = name === 'bash' ? 'bash' : 'sh';
      try {
        return await runScript(script, io, run);
      } catch (error) {
        if (error instanceof Exit) return error.code;
        throw error;
      } finally {
        run.shell = outer;
      }
    }
    case 'echo':
      return echo(args, io);
    case 'printf':
      return printf(args, io);
    case 'true':
    case ':':
    case 'cd':
    case 'set':
      return 0;
    case 'false':
      return 1;
    case 'exit':
      throw new Exit(args[0] === undefined ? 0 : Number(args[0]) & 255);
    case 'export':
      for (const a of args) {
        const [k, ...v] = a.split('=');
        if (v.length) run.env[k!] = v.join('=');
      }
      return 0;
    case 'env':
    case 'printenv': {
      const vars = args.filter((a) => !a.startsWith('-'));
      if (name === 'env' && vars.length > 0) {
        const assignments = vars.filter((a) => a.includes('=') && !a.startsWith('='));
        const rest = argv.slice(1 + args.indexOf(assignments.at(-1) ?? '') + 1);
        const saved = run.env;
        run.env = {
          ...saved,
          ...Object.fromEntries(assignments.map((a) => [a.split('=')[0], a.slice(a.indexOf('=') + 1)])),
        };
        try {
          if (rest.length === 0) return program(['env'], io, run);
          return await command(rest, io, run, true);
        } finally {
          run.env = saved;
        }
      }
      if (vars.length === 0) {
        io.out(
          Object.entries(run.env)
            .map(([k, v]) => `${k}=${v}\n`)
            .join(''),
        );
        return 0;
      }
      let code = 0;
      for (const v of vars) {
        if (run.env[v] === undefined) code = 1;
        else io.out(`${run.env[v]}\n`);
      }
      return code;
    }
    case 'cat':
      return cat(args, io, run);
    case 'ls':
      return ls(args, io, run);
    case 'hostname':
      io.out(`${String((run.pod.pod.spec as Record<string, unknown>)?.hostname ?? run.pod.pod.metadata.name)}\n`);
      return 0;
    case 'pwd':
      io.out('/\n');
      return 0;
    case 'id':
    case 'whoami':
      return identity(name as 'id' | 'whoami', io, run);
    case 'nc':
      return waiting(nc(args, io, run.options.net, client.wait));
    case 'timeout':
      return args.length > 1 ? command(args.slice(1), io, run, true) : 1;
    case 'sleep':
      return 0;
    case 'date':
      io.out(`${run.options.now().toUTCString().replace('GMT', 'UTC')}\n`);
      return 0;
    case 'test':
    case '[':
      return test(args, run);
    case 'touch':
    case 'mkdir':
    case 'rm': {
      let code = 0;
      for (const p of args.filter((a) => !a.startsWith('-'))) {
        const before = run.pod.read(p);
        if (name === 'touch' && before.ok) continue;
        const r = run.pod.write(p, name === 'rm' ? 'remove' : name === 'mkdir' ? 'mkdir' : 'write', '');
        if (!r.ok) {
          io.err(
            `${name}: ${name === 'touch' || name === 'mkdir' ? `cannot ${name === 'mkdir' ? 'create directory' : 'touch'} '${p}'` : `cannot remove '${p}'`}: ${r.message}\n`,
          );
          code = 1;
        }
      }
      return code;
    }
    case 'grep':
      return grep(args, io, fileInputs);
    case 'head':
    case 'tail':
      return withInput((text) => headTail(name, args, text, io));
    case 'wc':
      return withInput((text) => wc(args, text, io));
    case 'sort':
      return withInput((text) => sort(args, text, io));
    case 'wget':
      return waiting(wget(args, client));
    case 'curl':
      return waiting(curl(args, client));
    case 'nslookup':
      return nslookup(args, io, run);
    default:
      io.err(`${name}: not simulated by kubectl exec on the simulated cluster (see the kube-sim README)\n`);
      return 1;
  }
}

/** Runs one command (after variable assignments) inside a shell, or directly when `inShell` is false. */
async function command(words: string[], io: Io, run: Run, inShell: boolean): Promise<number> {
  const argv = [...words];
  const assigned: Record<string, string> = {};
  while (inShell && argv.length > 0 && /^[A-Za-z_]\w*=/.test(argv[0]!)) {
    const w = argv.shift()!;
    assigned[w.slice(0, w.indexOf('='))] = w.slice(w.indexOf('=') + 1);
  }
  if (argv[0] === 'exec') argv.shift();
  if (argv.length === 0) {
    Object.assign(run.env, assigned);
    return 0;
  }
  const program0 = argv[0]!;
  if (!(BUILTINS.includes(program0) || hasProgram(run.pod, program0))) {
    io.err(notFound(run, program0));
    return 127;
  }
  const saved = run.env;
  if (Object.keys(assigned).length) run.env = { ...saved, ...assigned };
  try {
    return await program(argv, io, run);
  } finally {
    run.env = saved;
  }
}

async function runSimple(cmd: SimpleCommand, stdin: string, io: Io, run: Run): Promise<{ code: number; out: string }> {
  let out = '';
  let err = '';
  let input = stdin;
  if (cmd.stdin !== undefined) {
    const text = readText(run, run.shell, expandWord(cmd.stdin, run.env), io);
    if (text === undefined) return { code: 1, out: '' };
    input = text;
  }
  const inner: Io = {
    stdin: input,
    out: (t) => {
      if (cmd.stdoutToStderr) err += t;
      else out += t;
    },
    err: (t) => {
      if (cmd.stderrToStdout) out += t;
      else err += t;
    },
  };
  const code = await command(
    cmd.words.map((w) => expandWord(w, run.env)),
    inner,
    run,
    true,
  );
  const redirect = (
    target: { path: string; append: boolean } | undefined,
    text: string,
    fallback: (t: string) => void,
  ) => {
    if (!target) return fallback(text);
    const path = expandWord(target.path, run.env);
    if (path === '/dev/null') return;
    const r = run.pod.write(path, target.append ? 'append' : 'write', text);
    if (!r.ok)
      io.err(
        run.pod.busybox ? `sh: can't create ${path}: ${r.message}\n` : `sh: 1: cannot create ${path}: ${r.message}\n`,
      );
  };
  redirect(cmd.stderr, err, io.err);
  let piped = '';
  redirect(cmd.stdout, out, (t) => {
    piped = t;
  });
  return { code, out: piped };
}

/** How many times a `while` / `until` loop may run before the shell gives up (a real one would run on). */
export const LOOP_LIMIT = 1000;

async function runLists(lists: AndOr[], io: Io, run: Run): Promise<number> {
  let code = 0;
  for (const list of lists) {
    code = await runList(list, io, run);
    run.env['?'] = String(code);
  }
  return code;
}

async function runCompound(node: Exclude<ShellNode, SimpleCommand>, io: Io, run: Run): Promise<number> {
  if (node.type === 'if') {
    for (const branch of node.branches)
      if ((await runLists(branch.cond, io, run)) === 0) return runLists(branch.body, io, run);
    return node.otherwise ? runLists(node.otherwise, io, run) : 0;
  }
  let code = 0;
  if (node.type === 'for') {
    for (const word of node.words.map((w) => expandWord(w, run.env))) {
      run.env[node.name] = word;
      code = await runLists(node.body, io, run);
    }
    return code;
  }
  for (let n = 0; ; n++) {
    const cond = await runLists(node.cond, io, run);
    if ((cond === 0) === node.until) return code;
    if (n >= LOOP_LIMIT) {
      io.err(`${run.shell}: the simulated shell stopped a loop after ${LOOP_LIMIT} iterations\n`);
      return 2;
    }
    code = await runLists(node.body, io, run);
  }
}

async function runNode(node: ShellNode, stdin: string, io: Io, run: Run): Promise<{ code: number; out: string }> {
  if (node.type === 'simple') return runSimple(node, stdin, io, run);
  let out = '';
  const inner: Io = {
    stdin,
    out: (t) => {
      out += t;
    },
    err: io.err,
  };
  return { code: await runCompound(node, inner, run), out };
}

async function runList(list: AndOr, io: Io, run: Run): Promise<number> {
  let code = 0;
  for (let k = 0; k < list.pipelines.length; k++) {
    if (k > 0) {
      const op = list.ops[k - 1];
      if ((op === '&&' && code !== 0) || (op === '||' && code === 0)) continue;
    }
    let input = io.stdin;
    const pipeline = list.pipelines[k]!;
    for (let c = 0; c < pipeline.length; c++) {
      const result = await runNode(pipeline[c]!, input, io, run);
      code = result.code;
      input = result.out;
      if (c === pipeline.length - 1) io.out(result.out);
    }
  }
  return code;
}

async function runScript(script: string, io: Io, run: Run): Promise<number> {
  let lists: AndOr[];
  try {
    lists = parseScript(script);
  } catch (error) {
    if (!(error instanceof UnsupportedShell)) throw error;
    io.err(`${run.shell}: the simulated shell does not interpret ${error.message}\n`);
    return 2;
  }
  return runLists(lists, io, run);
}

/**
 * Runs a `kubectl exec` command in a container's model: the runtime execs `argv[0]` from the image's `$PATH` (a
 * missing one is containerd's start error), then the exec subset runs it — `sh -c` scripts with `;`, `&&`, `||`,
 * `|`, redirections and `$VAR`; `env`, `printenv`, `cat`, `ls`, `echo`, `printf`, `hostname`, `grep`, `head`,
 * `tail`, `wc`, `sort`, `test`, `touch`, `mkdir`, `rm`, `id`, `whoami`, `date`, `nslookup`, and `wget` / `curl`
 * through the pod's network (Services, endpoints, NetworkPolicies).
 */
export async function runExec(argv: string[], pod: ExecPod, options: ExecOptions): Promise<ExecOutcome> {
  const program0 = argv[0] ?? '';
  if (!hasProgram(pod, program0)) {
    const id = randomBytes(32).toString('hex');
    const detail = program0.includes('/')
      ? `exec: "${program0}": stat ${program0}: no such file or directory`
      : `exec: "${program0}": executable file not found in $PATH`;
    return {
      kind: 'startError',
      message: `Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${id}": OCI runtime exec failed: exec failed: unable to start container process: ${detail}: unknown`,
    };
  }
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdin: options.stdin ?? '',
    out: (t) => {
      stdout += t;
    },
    err: (t) => {
      stderr += t;
    },
  };
  const run: Run = { pod, options, env: { ...pod.env() }, shell: 'sh' };
  let exitCode: number;
  try {
    exitCode = SHELLS.includes(basename(program0)) ? await program(argv, io, run) : await command(argv, io, run, false);
  } catch (error) {
    if (!(error instanceof Exit)) throw error;
    exitCode = error.code;
  }
  return { kind: 'exited', stdout, stderr, exitCode };
}

/** What one line sent to an interactive shell printed, its status, and whether it ended the shell (`exit`). */
export interface ShellLineResult {
  stdout: string;
  stderr: string;
  status: number;
  exited: boolean;
}

/**
 * An interactive shell (`sh` reading its standard input, as a container's process fed through attach): each call
 * runs one line of input in the exec subset, with the variables earlier lines set.
 */
export function interactiveShell(
  shell: string,
  pod: ExecPod,
  options: ExecOptions,
): (line: string) => Promise<ShellLineResult> {
  const run: Run = { pod, options, env: { ...pod.env() }, shell: basename(shell) === 'bash' ? 'bash' : 'sh' };
  return async (line) => {
    let stdout = '';
    let stderr = '';
    const io: Io = {
      stdin: '',
      out: (t) => {
        stdout += t;
      },
      err: (t) => {
        stderr += t;
      },
    };
    try {
      const status = await runScript(line, io, run);
      return { stdout, stderr, status, exited: false };
    } catch (error) {
      if (!(error instanceof Exit)) throw error;
      return { stdout, stderr, status: error.code, exited: true };
    }
  };
}
