import { type ChildProcess, spawn } from 'node:child_process';
import { REPO_ROOT } from './dashboardSession.js';

/** A simulated cluster running in a process of its own (`opspilot sim serve`), which a test can stop and restart. */
export interface SimProcess {
  url: string;
  /**
   * A kubeconfig for it without credentials (it serves anonymous requests as the admin), so it stays valid for
   * the next start on the same port, whose generated token differs.
   */
  kubeconfig: string;
  /** Stops the cluster (its port refuses connections from then on). */
  stop: () => Promise<void>;
}

/**
 * Runs `opspilot sim serve` with anonymous access on `port`, with `scenario`, and resolves once it
 * listens (within `timeoutMs`).
 */
export async function startSimProcess(port: number, scenario = 'demo', timeoutMs = 40_000): Promise<SimProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'apps/cli/src/main.ts',
      'sim',
      'serve',
      '--port',
      String(port),
      '--insecure-anonymous',
      '--scenario',
      scenario,
      '--kubeconfig-out',
      `${process.env.TMPDIR ?? '/tmp'}/opspilot-e2e-sim-${port}.yaml`,
    ],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  for (const stream of [child.stdout, child.stderr]) stream?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const url = `https://127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error(`the simulated cluster did not start:\n${out}`)), timeoutMs);
    const check = setInterval(() => {
      if (/KUBECONFIG/.test(out)) {
        clearInterval(check);
        clearTimeout(deadline);
        resolve();
      } else if (child.exitCode !== null) {
        clearInterval(check);
        clearTimeout(deadline);
        reject(new Error(`the simulated cluster exited with ${child.exitCode}:\n${out}`));
      }
    }, 100);
  });
  const kubeconfig = [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    // Each start generates a new certificate: trust whichever it serves.
    `- name: sim\n  cluster:\n    server: ${url}\n    insecure-skip-tls-verify: true`,
    'users:',
    '- name: anonymous\n  user: {}',
    'contexts:',
    '- name: sim\n  context:\n    cluster: sim\n    user: anonymous',
    'current-context: sim',
    '',
  ].join('\n');
  return { url, kubeconfig, stop: () => stopChild(child) };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await exited;
}
