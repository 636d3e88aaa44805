import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toolBinary } from '@opspilot/kube-sim/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

const corpus = new URL('../../../../packages/manifests/src/__fixtures__/validate/', import.meta.url).pathname;
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'opspilot-validate-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const helmEnv = () => ({ OPSPILOT_HELM: toolBinary('helm'), PATH: '' });

describe('opspilot validate', () => {
  it('exits 0 for clean manifests and Dockerfiles', async () => {
    cpSync(join(corpus, 'good'), join(dir, 'k8s'), { recursive: true });
    cpSync(join(corpus, 'docker/good.Dockerfile'), join(dir, 'Dockerfile'));
    const io = memoryIo(helmEnv(), dir);
    expect(await runCli(['validate', 'k8s', 'Dockerfile'], io)).toBe(0);
    expect(io.out()).toBe('2 files, 8 resources: no problems\n');
  });

  it('exits 1 on errors and prints findings grouped by file with line numbers and fixes', async () => {
    cpSync(join(corpus, 'bad/insecure.yaml'), join(dir, 'insecure.yaml'));
    const io = memoryIo(helmEnv(), dir);
    expect(await runCli(['validate', '.'], io)).toBe(1);
    const out = io.out();
    expect(out.split('\n')[0]).toBe('insecure.yaml');
    expect(out).toMatch(/ {2}22:13 +error {4}container "admin" runs privileged .*\[container-privileged\]/);
    expect(out).toContain('fix: remove securityContext.privileged');
  });

  it('honours --min-severity and --strict for the exit code', async () => {
    writeFileSync(join(dir, 'Dockerfile'), 'FROM alpine:3.19\nUSER 10001\nCMD run\n');
    const lenient = memoryIo(helmEnv(), dir);
    expect(await runCli(['validate', 'Dockerfile'], lenient)).toBe(0);
    expect(lenient.out()).toContain('[docker-json-cmd]');
    const strict = memoryIo(helmEnv(), dir);
    expect(await runCli(['validate', 'Dockerfile', '--strict'], strict)).toBe(1);
    const quiet = memoryIo(helmEnv(), dir);
    expect(await runCli(['validate', 'Dockerfile', '--min-severity', 'error', '--strict'], quiet)).toBe(0);
    expect(quiet.out()).not.toContain('docker-json-cmd');
  });

  it('prints the documented JSON report and SARIF, renders Helm charts and reads stdin', async () => {
    cpSync(join(corpus, 'charts'), join(dir, 'charts'), { recursive: true });
    const io = memoryIo(helmEnv(), dir);
    expect(await runCli(['validate', 'charts', '-o', 'json'], io)).toBe(0);
    const report = JSON.parse(io.out());
    expect(report.findings.some((f: { file: string }) => f.file === 'charts/web/templates/deployment.yaml')).toBe(true);
    const sarif = memoryIo(helmEnv(), dir);
    await runCli(['validate', 'charts', '-o', 'sarif'], sarif);
    expect(JSON.parse(sarif.out())).toMatchObject({
      version: '2.1.0',
      runs: [{ tool: { driver: { name: 'opspilot' } } }],
    });
    async function* stdin() {
      yield new TextEncoder().encode('apiVersion: v1\nkind: Service\n');
      yield 'metadata: { name: X }\n';
    }
    const piped = { ...memoryIo({}, dir), stdin: stdin() };
    expect(await runCli(['validate', '-', '-o', 'json'], piped)).toBe(1);
    expect(
      JSON.parse(piped.out()).findings.map((f: { file: string; rule: string }) => `${f.file} ${f.rule}`),
    ).toContain('<stdin> k8s-name-dns1123');
  });

  it('exits 2 for a missing path, an unknown rule in the configuration, or sarif on another command', async () => {
    expect(await runCli(['validate', 'nope.yaml'], memoryIo({}, dir))).toBe(2);
    writeFileSync(join(dir, 'opspilot.yaml'), 'validate:\n  rules:\n    no-such-rule: { enabled: false }\n');
    writeFileSync(join(dir, 'a.yaml'), 'a: 1\n');
    const io = memoryIo({}, dir);
    expect(await runCli(['validate', 'a.yaml'], io)).toBe(2);
    expect(io.err()).toContain('no-such-rule');
    expect(await runCli(['version', '-o', 'sarif'], memoryIo({}, dir))).toBe(2);
  });

  it('lists the rule catalogue', async () => {
    const io = memoryIo({}, dir);
    expect(await runCli(['validate', '--list-rules', '-o', 'json'], io)).toBe(0);
    const rules = JSON.parse(io.out()) as { id: string }[];
    expect(rules.length).toBeGreaterThan(100);
    expect(rules.map((r) => r.id)).toContain('docker-user-set');
  });
});
