import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './startOpspilot.js';

/** A program of the observability stack started for an end-to-end test. */
export interface RunningProcess {
  url: string;
  /** Its working directory (its configuration files), removed by `stop`. */
  dir: string;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Spawns `command` with `args(port, dir)` in a fresh directory on a free loopback port and resolves once `GET
 * url + readyPath` answers 200 (polled every 100 ms, at most `timeoutMs`); otherwise stops it and rejects with
 * what it printed. (apps/web may import only @opspilot/core, so this does not reuse the observe package's helpers.)
 */
export async function startProcess(options: {
  command: string;
  args: (port: number, dir: string) => string[];
  files?: (port: number) => Record<string, string>;
  readyPath: string;
  scheme?: 'http' | 'https';
  timeoutMs?: number;
  cwd?: string;
}): Promise<RunningProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'opspilot-e2e-obs-'));
  const port = await freePort();
  for (const [name, text] of Object.entries(options.files?.(port) ?? {})) writeFileSync(join(dir, name), text);
  const child: ChildProcess = spawn(options.command, options.args(port, dir), {
    cwd: options.cwd ?? dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', (chunk: Buffer) => {
      out = (out + chunk.toString()).slice(-20_000);
    });
  }
  const url = `${options.scheme ?? 'http'}://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + (options.timeoutMs ?? 40_000);
  while (child.exitCode === null && Date.now() < deadline) {
    const ok = await fetch(`${url}${options.readyPath}`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, dir, output: () => out, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`${options.command} was not ready at ${url}${options.readyPath}:\n${out}`);
}

/** A simulated cluster in its own process (`opspilot sim serve --no-tls --insecure-anonymous`), for Prometheus to scrape. */
export function startSimForScraping(repoRoot: string): Promise<RunningProcess> {
  return startProcess({
    command: process.execPath,
    cwd: repoRoot,
    args: (port, dir) => [
      '--import',
      'tsx',
      'apps/cli/src/main.ts',
      'sim',
      'serve',
      '--port',
      String(port),
      '--no-tls',
      '--insecure-anonymous',
      '--scenario',
      'demo',
      '--kubeconfig-out',
      join(dir, 'kubeconfig.yaml'),
    ],
    readyPath: '/healthz',
  });
}

/**
 * The real Prometheus (`binary`) scraping `target`'s `paths` (default its kube-state metrics; an `https` target with
 * any certificate) every second and evaluating `ruleFile` every second, alerting `alertmanager` when given.
 */
export function startPrometheusFor(
  binary: string,
  target: string,
  ruleFile: string,
  alertmanager?: string,
  paths: string[] = ['/metrics/kube-state'],
): Promise<RunningProcess> {
  const url = new URL(target);
  const config = {
    global: { scrape_interval: '1s', evaluation_interval: '1s', scrape_timeout: '1s' },
    rule_files: [ruleFile],
    ...(alertmanager
      ? { alerting: { alertmanagers: [{ static_configs: [{ targets: [new URL(alertmanager).host] }] }] } }
      : {}),
    scrape_configs: paths.map((path) => ({
      job_name: path.replace(/[^a-z0-9]+/gi, '_').replace(/^_/, ''),
      scheme: url.protocol.replace(':', ''),
      metrics_path: path,
      tls_config: { insecure_skip_verify: true },
      static_configs: [{ targets: [url.host] }],
    })),
  };
  return startProcess({
    command: binary,
    files: () => ({ 'prometheus.yml': JSON.stringify(config, null, 2) }),
    args: (port, dir) => [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ],
    readyPath: '/-/ready',
  });
}

/** An Alertmanager configuration: every alert to `webhook` with a bearer token, short waits. */
function alertmanagerConfig(webhook: string, token: string): string {
  const config = {
    route: {
      receiver: 'opspilot',
      group_by: ['alertname'],
      group_wait: '100ms',
      group_interval: '1s',
      repeat_interval: '1h',
    },
    receivers: [
      {
        name: 'opspilot',
        webhook_configs: [
          { url: webhook, send_resolved: true, http_config: { authorization: { credentials: token } } },
        ],
      },
    ],
  };
  return JSON.stringify(config, null, 2);
}

/** The real Alertmanager at `binary` (gossip off, short waits) sending every alert to `webhook` with a bearer token. */
export function startAlertmanagerFor(binary: string, webhook: string, token: string): Promise<RunningProcess> {
  return startProcess({
    command: binary,
    files: () => ({ 'alertmanager.yml': alertmanagerConfig(webhook, token) }),
    args: (port, dir) => [
      `--config.file=${join(dir, 'alertmanager.yml')}`,
      `--storage.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--cluster.listen-address=',
      '--log.level=warn',
    ],
    readyPath: '/-/ready',
  });
}

/**
 * Points a running Alertmanager of {@link startAlertmanagerFor} at another webhook and token and reloads it
 * (`POST /-/reload`): the alerts it holds are routed again and sent there.
 */
export async function redirectAlertmanager(am: RunningProcess, webhook: string, token: string): Promise<void> {
  writeFileSync(join(am.dir, 'alertmanager.yml'), alertmanagerConfig(webhook, token));
  const reloaded = await fetch(`${am.url}/-/reload`, { method: 'POST' });
  if (!reloaded.ok) throw new Error(`Alertmanager did not reload: ${reloaded.status} ${await reloaded.text()}`);
}

/** Signs in over the REST API and creates an API token for `name` (the server's own Bearer credential). */
export async function createApiToken(url: string, username: string, password: string, name: string): Promise<string> {
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
  const cookies = login.headers.getSetCookie().map((c) => c.split(';')[0] as string);
  const csrf = cookies.find((c) => c.startsWith('opspilot_csrf='))?.split('=')[1] ?? '';
  const created = await fetch(`${url}/api/v1/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: cookies.join('; '), 'x-csrf-token': csrf },
    body: JSON.stringify({ name }),
  });
  if (!created.ok) throw new Error(`token creation failed: ${created.status} ${await created.text()}`);
  return ((await created.json()) as { secret: string }).secret;
}
