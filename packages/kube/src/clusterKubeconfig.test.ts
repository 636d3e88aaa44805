import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { serviceAccountKubeconfig, singleContextKubeconfig } from './clusterKubeconfig.js';

const two = `apiVersion: v1
kind: Config
current-context: a
clusters:
  - name: ca
    cluster: {server: 'https://a.example:6443', certificate-authority: /etc/a-ca.pem}
  - name: cb
    cluster: {server: 'https://b.example:6443', insecure-skip-tls-verify: true}
users:
  - name: ua
    user: {token: secret-a}
  - name: ub
    user: {tokenFile: /etc/b-token}
contexts:
  - name: a
    context: {cluster: ca, user: ua}
  - name: b
    context: {cluster: cb, user: ub, namespace: shop}
`;

describe('serviceAccountKubeconfig', () => {
  it('builds a one-context kubeconfig carrying the token and the CA as data', () => {
    const doc = parse(serviceAccountKubeconfig({ name: 'prod', server: 'https://p:6443', token: 't0k', caPem: 'PEM' }));
    expect(doc['current-context']).toBe('prod');
    expect(doc.clusters[0].cluster).toEqual({
      server: 'https://p:6443',
      'certificate-authority-data': Buffer.from('PEM').toString('base64'),
    });
    expect(doc.users[0].user).toEqual({ token: 't0k' });
  });
});

describe('singleContextKubeconfig', () => {
  it('keeps only the named context, its cluster and user, with files inlined', () => {
    const files: Record<string, string> = { '/etc/b-token': 'token-b\n', '/etc/a-ca.pem': 'CA-A' };
    const readFile = (path: string) => Buffer.from(files[path] ?? '');
    const b = singleContextKubeconfig(two, { context: 'b', readFile });
    if (!b.ok) throw b.error;
    expect(b.value.server).toBe('https://b.example:6443');
    const doc = parse(b.value.yaml);
    expect(doc.clusters.map((c: { name: string }) => c.name)).toEqual(['cb']);
    expect(doc.users).toEqual([{ name: 'ub', user: { token: 'token-b' } }]);
    expect(doc['current-context']).toBe('b');
    const a = singleContextKubeconfig(two, { readFile });
    if (!a.ok) throw a.error;
    expect(parse(a.value.yaml).clusters[0].cluster['certificate-authority-data']).toBe(
      Buffer.from('CA-A').toString('base64'),
    );
  });

  it('refuses file references without a reader, and names the contexts when one is missing', () => {
    const a = singleContextKubeconfig(two, { context: 'a' });
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.error.hint).toMatch(/--flatten/);
    const missing = singleContextKubeconfig(two, { context: 'zzz' });
    expect(missing.ok).toBe(false);
    if (!missing.ok) {
      expect(missing.error.message).toMatch(/context "zzz" not found/);
      expect(missing.error.hint).toMatch(/a, b/);
    }
  });
});
