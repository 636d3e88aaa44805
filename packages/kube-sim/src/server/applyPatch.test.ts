import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimCluster, startSimCluster } from '../startSimCluster.js';
import { createKubectl, type KubectlResult } from '../testing/index.js';

let sim: SimCluster;
let kubectl: (args: string[], input?: string) => Promise<KubectlResult>;

const deployment = (replicas: number, image = 'nginx:1.27') => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: default, labels: {app: web}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: "${image}"}]
`;

async function ok(args: string[], input?: string): Promise<string> {
  const r = await kubectl(args, input);
  if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

interface Entry {
  manager: string;
  operation: string;
  apiVersion: string;
  time: string;
  fieldsType: string;
  fieldsV1: Record<string, unknown>;
  subresource?: string;
}

async function managed(kind: string, name: string): Promise<Entry[]> {
  return JSON.parse(await ok(['get', kind, name, '-o', 'json', '--show-managed-fields'])).metadata.managedFields;
}

beforeAll(async () => {
  sim = await startSimCluster({ controllers: false });
  kubectl = createKubectl(sim.kubeconfig);
}, 60_000);
afterAll(async () => sim?.stop());

describe('server-side apply with field ownership (real kubectl 1.35)', () => {
  it('records the applier with fieldsV1, conflicts after another manager scales, and takes over with force', async () => {
    expect(await ok(['apply', '--server-side', '-f', '-'], deployment(2))).toContain('serverside-applied');
    const [apply] = await managed('deploy', 'web');
    expect(apply).toMatchObject({
      manager: 'kubectl',
      operation: 'Apply',
      apiVersion: 'apps/v1',
      fieldsType: 'FieldsV1',
    });
    expect(apply!.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(apply!.fieldsV1).toMatchObject({ 'f:spec': { 'f:replicas': {} } });

    await ok(['scale', 'deploy', 'web', '--replicas=5']);
    const scaler = (await managed('deploy', 'web')).find((m) => m.subresource === 'scale');
    // kubectl scale sends no fieldManager: the server names the manager after the user agent's first segment.
    expect(scaler).toMatchObject({
      manager: 'kubectl',
      operation: 'Update',
      fieldsV1: { 'f:spec': { 'f:replicas': {} } },
    });

    const refused = await kubectl(['apply', '--server-side', '-f', '-'], deployment(2));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'Apply failed with 1 conflict: conflict with "kubectl" with subresource "scale" using apps/v1: .spec.replicas',
    );
    expect(refused.stderr).toContain('--force-conflicts');
    expect(JSON.parse(await ok(['get', 'deploy', 'web', '-o', 'json'])).spec.replicas).toBe(5);

    await ok(['apply', '--server-side', '--force-conflicts', '-f', '-'], deployment(2));
    expect(JSON.parse(await ok(['get', 'deploy', 'web', '-o', 'json'])).spec.replicas).toBe(2);
    const after = await managed('deploy', 'web');
    expect(after.find((m) => m.subresource === 'scale')).toBeUndefined();
  });

  it('answers another manager the real 409 naming the client-side applier; kubectl --server-side takes over', async () => {
    const csa = deployment(3).replace('name: web,', 'name: legacy,').replaceAll('app: web', 'app: legacy');
    await ok(['apply', '-f', '-'], csa);
    await ok(['label', 'deploy', 'legacy', 'tier=front']);
    const out = await ok(['get', 'deploy', 'legacy', '-o', 'yaml', '--show-managed-fields']);
    expect(out).toContain('manager: kubectl-client-side-apply');
    expect(out).toContain('manager: kubectl-label');

    const kc = new k8s.KubeConfig();
    kc.loadFromString(sim.kubeconfig);
    const api = kc.makeApiClient(k8s.AppsV1Api);
    const body = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'legacy', namespace: 'default' },
      spec: { replicas: 4 },
    };
    const error = await api
      .patchNamespacedDeployment(
        { name: 'legacy', namespace: 'default', body, fieldManager: 'opspilot' },
        k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.ServerSideApply),
      )
      .then(() => undefined)
      .catch((e: k8s.ApiException<string>) => e);
    expect(error?.code).toBe(409);
    expect(JSON.parse(String(error?.body))).toMatchObject({
      kind: 'Status',
      reason: 'Conflict',
      message: 'Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas',
      details: {
        causes: [
          {
            reason: 'FieldManagerConflict',
            message: 'conflict with "kubectl-client-side-apply" using apps/v1',
            field: '.spec.replicas',
          },
        ],
      },
    });

    const relabel = csa
      .replace('replicas: 3', 'replicas: 4')
      .replace('labels: {app: legacy}}', 'labels: {app: legacy, tier: back}}');
    const refused = await kubectl(['apply', '--server-side', '-f', '-'], relabel);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'Apply failed with 1 conflict: conflict with "kubectl-label" using apps/v1: .metadata.labels.tier',
    );

    const edited = csa.replace('replicas: 3', 'replicas: 4').replace('nginx:1.27', 'nginx:1.28');
    expect(await ok(['apply', '--server-side', '-f', '-'], edited)).toContain('serverside-applied');
    const live = JSON.parse(await ok(['get', 'deploy', 'legacy', '-o', 'json', '--show-managed-fields']));
    expect(live.spec.replicas).toBe(4);
    expect(live.spec.template.spec.containers[0].image).toBe('nginx:1.28');
    const entries = live.metadata.managedFields as Entry[];
    expect(entries.map((m) => m.manager)).not.toContain('kubectl-client-side-apply');
    const applier = entries.find((m) => m.manager === 'kubectl' && m.operation === 'Apply');
    expect(applier?.fieldsV1).toMatchObject({
      'f:spec': {
        'f:replicas': {},
        'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"web"}': { 'f:image': {} } } } },
      },
    });
    expect(JSON.parse(live.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration'])).toMatchObject({
      spec: { replicas: 4 },
    });
    expect(live.metadata.labels).toEqual({ app: 'legacy', tier: 'front' });
  });

  it('drops fields an applier no longer sends and records updates by user agent', async () => {
    const cm = (data: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\ndata: {${data}}\n`;
    await ok(['apply', '--server-side', '--field-manager=tool', '-f', '-'], cm('a: "1", b: "2"'));
    await ok(['apply', '--server-side', '--field-manager=tool', '-f', '-'], cm('a: "1"'));
    expect(JSON.parse(await ok(['get', 'cm', 'cfg', '-o', 'json'])).data).toEqual({ a: '1' });
    const kc = new k8s.KubeConfig();
    kc.loadFromString(sim.kubeconfig);
    const core = kc.makeApiClient(k8s.CoreV1Api);
    await core.patchNamespacedConfigMap(
      { name: 'cfg', namespace: 'default', body: { data: { c: '3' } } },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
    );
    const entries = await managed('cm', 'cfg');
    const updater = entries.find((m) => m.operation === 'Update');
    // No fieldManager: the manager is the user agent's first segment (client-node sends node-fetch's).
    expect(updater?.manager).toBe('node-fetch');
    expect(updater?.fieldsV1).toEqual({ 'f:data': { 'f:c': {} } });
  });
});
