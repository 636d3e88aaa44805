import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadKubeConfig } from './loadKubeConfig.js';

const dir = mkdtempSync(join(tmpdir(), 'opspilot-kubeconfig-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function kubeconfig(contexts: Array<{ name: string; server: string; namespace?: string }>, current?: string): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: contexts.map((c) => ({ name: `${c.name}-cluster`, cluster: { server: c.server } })),
    users: contexts.map((c) => ({ name: `${c.name}-user`, user: { token: `token-${c.name}` } })),
    contexts: contexts.map((c) => ({
      name: c.name,
      context: {
        cluster: `${c.name}-cluster`,
        user: `${c.name}-user`,
        ...(c.namespace ? { namespace: c.namespace } : {}),
      },
    })),
    ...(current ? { 'current-context': current } : {}),
  });
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const twoContexts = kubeconfig(
  [
    { name: 'dev', server: 'https://dev.example:6443', namespace: 'team' },
    { name: 'prod', server: 'https://prod.example:6443' },
  ],
  'dev',
);

describe('loadKubeConfig', () => {
  it('reads a file with its current context and that context namespace', () => {
    const result = loadKubeConfig({ kubeconfig: file('two.yaml', twoContexts), env: {} });
    expect(result.ok && result.value).toMatchObject({
      context: 'dev',
      cluster: 'dev-cluster',
      server: 'https://dev.example:6443',
      namespace: 'team',
      source: join(dir, 'two.yaml'),
    });
  });

  it('switches context and namespace when asked', () => {
    const path = file('two.yaml', twoContexts);
    const prod = loadKubeConfig({ kubeconfig: path, context: 'prod', env: {} });
    expect(prod.ok && prod.value).toMatchObject({
      context: 'prod',
      namespace: 'default',
      server: 'https://prod.example:6443',
    });
    expect(prod.ok && prod.value.kubeConfig.getCurrentContext()).toBe('prod');
    const overridden = loadKubeConfig({ kubeconfig: path, namespace: 'other', env: {} });
    expect(overridden.ok && overridden.value.namespace).toBe('other');
  });

  it('names the missing context, the file and the contexts available', () => {
    const path = file('two.yaml', twoContexts);
    const result = loadKubeConfig({ kubeconfig: path, context: 'staging', env: {} });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toBe(`context "staging" not found in kubeconfig ${path}`);
    expect(result.error.hint).toContain('"dev", "prod"');
  });

  it('names a kubeconfig file that does not exist, or does not parse', () => {
    const missing = loadKubeConfig({ kubeconfig: join(dir, 'nope.yaml'), env: {} });
    expect(!missing.ok && missing.error.message).toBe(`kubeconfig file ${join(dir, 'nope.yaml')} does not exist`);
    const broken = loadKubeConfig({ kubeconfig: file('broken.yaml', 'clusters: [\n'), env: {} });
    expect(!broken.ok && broken.error.message).toMatch(
      new RegExp(`^cannot read kubeconfig ${join(dir, 'broken.yaml')}`),
    );
  });

  it('merges the files of KUBECONFIG, the first one setting the current context', () => {
    const a = file('a.yaml', kubeconfig([{ name: 'a', server: 'https://a.example' }], 'a'));
    const b = file('b.yaml', kubeconfig([{ name: 'b', server: 'https://b.example', namespace: 'bee' }], 'b'));
    const env = { KUBECONFIG: [a, join(dir, 'absent.yaml'), b].join(delimiter) };
    const first = loadKubeConfig({ env });
    expect(first.ok && first.value).toMatchObject({ context: 'a', server: 'https://a.example' });
    const explicitList = loadKubeConfig({ kubeconfig: env.KUBECONFIG, env: {} });
    expect(explicitList.ok && explicitList.value.context).toBe('a');
    const second = loadKubeConfig({ env, context: 'b' });
    expect(second.ok && second.value).toMatchObject({ context: 'b', namespace: 'bee', server: 'https://b.example' });
  });

  it('falls back to ~/.kube/config, and says where it looked when there is none', () => {
    const home = join(dir, 'home');
    mkdirSync(join(home, '.kube'), { recursive: true });
    const none = loadKubeConfig({ env: { HOME: home } });
    expect(!none.ok && none.error.message).toBe(
      `no kubeconfig found (looked at KUBECONFIG and ${join(home, '.kube', 'config')})`,
    );
    writeFileSync(
      join(home, '.kube', 'config'),
      kubeconfig([{ name: 'home', server: 'https://home.example' }], 'home'),
    );
    const found = loadKubeConfig({ env: { HOME: home } });
    expect(found.ok && found.value.context).toBe('home');
  });

  it('takes YAML text, picks the only context when none is current, and lets plain HTTP through', () => {
    const result = loadKubeConfig({
      kubeconfigYaml: kubeconfig([{ name: 'local', server: 'http://127.0.0.1:8080' }]),
      env: {},
    });
    expect(result.ok && result.value).toMatchObject({ context: 'local', source: 'inline' });
    expect(result.ok && result.value.kubeConfig.getCurrentCluster()?.skipTLSVerify).toBe(true);
    const ambiguous = loadKubeConfig({
      kubeconfigYaml: kubeconfig([
        { name: 'x', server: 'https://x' },
        { name: 'y', server: 'https://y' },
      ]),
      env: {},
    });
    expect(!ambiguous.ok && ambiguous.error.hint).toContain('"x", "y"');
  });

  it('uses the service account inside a cluster', async () => {
    const sa = join(dir, 'sa');
    mkdirSync(sa, { recursive: true });
    writeFileSync(join(sa, 'token'), 'sa-token');
    writeFileSync(join(sa, 'ca.crt'), '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n');
    writeFileSync(join(sa, 'namespace'), 'payments\n');
    const env = { KUBERNETES_SERVICE_HOST: '10.96.0.1', KUBERNETES_SERVICE_PORT: '443' };
    const result = loadKubeConfig({ inCluster: true, env, serviceAccountDir: sa });
    expect(result.ok && result.value).toMatchObject({
      context: 'in-cluster',
      server: 'https://10.96.0.1:443',
      namespace: 'payments',
      source: 'in-cluster',
    });
    if (!result.ok) return;
    const headers: Record<string, string> = {};
    await result.value.kubeConfig.applyToHTTPSOptions({ headers });
    expect(headers.Authorization).toBe('Bearer sa-token');
    const auto = loadKubeConfig({ env: { ...env, HOME: join(dir, 'nohome') }, serviceAccountDir: sa });
    expect(auto.ok && auto.value.source).toBe('in-cluster');
    const outside = loadKubeConfig({ inCluster: true, env: {}, serviceAccountDir: sa });
    expect(!outside.ok && outside.error.message).toMatch(/KUBERNETES_SERVICE_HOST is not set/);
    const noToken = loadKubeConfig({ inCluster: true, env, serviceAccountDir: join(dir, 'empty') });
    expect(!noToken.ok && noToken.error.message).toBe(`service account file ${join(dir, 'empty', 'token')} is missing`);
  });
});
