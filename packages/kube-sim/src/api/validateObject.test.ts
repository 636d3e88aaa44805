import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../store/kubeObject.js';
import { ResourceRegistry } from './resourceRegistry.js';
import { StatusError } from './statusError.js';
import { validateObject } from './validateObject.js';
import { validateUpdate } from './validateUpdate.js';

const registry = new ResourceRegistry();
const type = (group: string, plural: string) => registry.find(group, 'v1', plural)!;

function refusal(fn: () => void): ReturnType<StatusError['toStatus']> {
  try {
    fn();
  } catch (error) {
    if (error instanceof StatusError) return error.toStatus();
    throw error;
  }
  throw new Error('expected a 422');
}

const obj = (kind: string, name: string, extra: Partial<KubeObject> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind,
  metadata: { name, namespace: 'default' },
  ...extra,
});

const deployment = (labels: Record<string, string>, selector: Record<string, string> = { app: 'web' }) =>
  obj('Deployment', 'web', {
    spec: {
      selector: { matchLabels: selector },
      template: { metadata: { labels }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } },
    },
  });

describe('validateObject', () => {
  it('refuses an invalid name with the real message and cause', () => {
    const status = refusal(() => validateObject(type('', 'configmaps'), obj('ConfigMap', 'Bad_Name')));
    expect(status).toMatchObject({ code: 422, reason: 'Invalid', details: { name: 'Bad_Name', kind: 'ConfigMap' } });
    expect(status.message).toBe(
      `ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    );
    expect((status.details as { causes: unknown[] }).causes).toEqual([
      {
        reason: 'FieldValueInvalid',
        message: expect.stringContaining('Invalid value: "Bad_Name"'),
        field: 'metadata.name',
      },
    ]);
  });

  it('applies the name rule of each kind', () => {
    const ok = (group: string, plural: string, kind: string, name: string) => () =>
      validateObject(type(group, plural), obj(kind, name));
    expect(ok('', 'configmaps', 'ConfigMap', 'a.b-c')).not.toThrow();
    expect(refusal(ok('', 'namespaces', 'Namespace', 'a.b')).message).toContain('RFC 1123 label');
    expect(refusal(ok('', 'services', 'Service', '1abc')).message).toContain('DNS-1035 label');
    expect(refusal(ok('apps', 'statefulsets', 'StatefulSet', 'db.v1')).message).toContain('RFC 1123 label');
    expect(ok('rbac.authorization.k8s.io', 'clusterroles', 'ClusterRole', 'system:aggregate-to-view')).not.toThrow();
    expect(refusal(ok('rbac.authorization.k8s.io', 'clusterroles', 'ClusterRole', 'a/b')).message).toContain(
      "may not contain '/'",
    );
    expect(refusal(ok('', 'configmaps', 'ConfigMap', 'a'.repeat(254))).message).toContain(
      'must be no more than 253 characters',
    );
    expect(refusal(ok('', 'configmaps', 'ConfigMap', '')).message).toContain(
      'metadata.name: Required value: name or generateName is required',
    );
  });

  it('checks label keys and values', () => {
    const status = refusal(() =>
      validateObject(type('', 'configmaps'), {
        ...obj('ConfigMap', 'c'),
        metadata: { name: 'c', labels: { 'bad key': 'x', ok: 'bad value!' } },
      }),
    );
    expect(status.message).toMatch(/^ConfigMap "c" is invalid: \[metadata\.labels: Invalid value: "bad key"/);
    expect((status.details as { causes: unknown[] }).causes).toHaveLength(2);
  });

  it('checks workload selectors, containers and replicas', () => {
    expect(() => validateObject(type('apps', 'deployments'), deployment({ app: 'web' }))).not.toThrow();
    expect(refusal(() => validateObject(type('apps', 'deployments'), deployment({ app: 'other' }))).message).toBe(
      'Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"other"}: `selector` does not match template `labels`',
    );
    const noImage = deployment({ app: 'web' });
    (noImage.spec as { template: { spec: { containers: object[] } } }).template.spec.containers = [{ name: 'app' }];
    (noImage.spec as { replicas: number }).replicas = -1;
    const status = refusal(() => validateObject(type('apps', 'deployments'), noImage));
    expect((status.details as { causes: { field: string }[] }).causes.map((c) => c.field)).toEqual([
      'spec.replicas',
      'spec.template.spec.containers[0].image',
    ]);
  });

  it('requires a job restart policy of OnFailure or Never and ports on services', () => {
    const job = obj('Job', 'j', {
      spec: { template: { spec: { restartPolicy: 'Always', containers: [{ name: 'a', image: 'busybox' }] } } },
    });
    expect(refusal(() => validateObject(registry.find('batch', 'v1', 'jobs')!, job)).message).toContain(
      'spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"',
    );
    expect(refusal(() => validateObject(type('', 'services'), obj('Service', 's', { spec: {} }))).message).toContain(
      'spec.ports: Required value',
    );
  });
});

describe('validateUpdate', () => {
  it('refuses a changed deployment selector as immutable', () => {
    const old = deployment({ app: 'web' });
    const next = deployment({ app: 'web2' }, { app: 'web2' });
    expect(refusal(() => validateUpdate(type('apps', 'deployments'), next, old)).message).toBe(
      'Deployment.apps "web" is invalid: spec.selector: Invalid value: {"matchLabels":{"app":"web2"}}: field is immutable',
    );
  });

  it('lets a pod change its image but nothing else in its spec', () => {
    const pod = (image: string, extra = {}) =>
      obj('Pod', 'p', { spec: { containers: [{ name: 'a', image, ...extra }], nodeName: 'n1' } });
    expect(() => validateUpdate(type('', 'pods'), pod('nginx:2'), pod('nginx:1'))).not.toThrow();
    expect(
      refusal(() => validateUpdate(type('', 'pods'), pod('nginx:1', { args: ['x'] }), pod('nginx:1'))).message,
    ).toContain('spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`');
  });

  it('refuses data changes of an immutable ConfigMap', () => {
    const old = obj('ConfigMap', 'c', { data: { a: '1' }, immutable: true });
    const next = obj('ConfigMap', 'c', { data: { a: '2' }, immutable: true });
    expect(refusal(() => validateUpdate(type('', 'configmaps'), next, old)).message).toContain(
      'data: Forbidden: field is immutable when `immutable` is set',
    );
  });
});
