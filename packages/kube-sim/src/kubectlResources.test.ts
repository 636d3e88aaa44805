import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimCluster, startSimCluster } from './startSimCluster.js';
import { createKubectl, type KubectlResult } from './testing/index.js';

let sim: SimCluster;
let kubectl: (args: string[], input?: string) => Promise<KubectlResult>;

async function ok(args: string[], input?: string): Promise<string> {
  const r = await kubectl(args, input);
  if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  scope: Namespaced
  names: {kind: Widget, plural: widgets, singular: widget, shortNames: [wd]}
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                replicas: {type: integer}
                colour: {type: string}
            status:
              type: object
              properties:
                replicas: {type: integer}
      subresources:
        status: {}
        scale: {specReplicasPath: .spec.replicas, statusReplicasPath: .status.replicas}
      additionalPrinterColumns:
        - {name: Colour, type: string, jsonPath: .spec.colour}
        - {name: Replicas, type: integer, jsonPath: .spec.replicas}
`;

beforeAll(async () => {
  sim = await startSimCluster({ scenario: 'demo' });
  kubectl = createKubectl(sim.kubeconfig);
}, 120_000);
afterAll(async () => sim?.stop());

describe('real kubectl: columns of more kinds', () => {
  it('prints nodes wide, events without a NAME column and everything in the all category', async () => {
    expect(await ok(['get', 'nodes', '-o', 'wide'])).toMatch(
      /^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\s+INTERNAL-IP\s+EXTERNAL-IP\s+OS-IMAGE\s+KERNEL-VERSION\s+CONTAINER-RUNTIME\n/,
    );
    expect(await ok(['get', 'events', '-n', 'todo'])).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE\n/);
    const all = await ok(['get', 'all', '-n', 'todo']);
    for (const kind of ['pod/backend-', 'service/backend', 'deployment.apps/backend', 'replicaset.apps/backend-']) {
      expect(all).toContain(kind);
    }
    expect(await ok(['get', 'sc'])).toMatch(
      /standard \(default\)\s+rancher\.io\/local-path\s+Delete\s+WaitForFirstConsumer/,
    );
    expect(await ok(['get', 'svc', 'kubernetes'])).toMatch(/kubernetes\s+ClusterIP\s+10\.96\.0\.1\s+<none>\s+443\/TCP/);
  });

  it('explains fields from the served OpenAPI schemas', async () => {
    const explained = await ok(['explain', 'pod.spec.containers']);
    expect(explained).toMatch(/FIELD: containers <\[\]Container>/);
    expect(explained).toMatch(/livenessProbe\s+<Probe>/);
  });
});

describe('real kubectl: replace, diff and listing helpers', () => {
  const cm = (value: string) =>
    `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: todo}\ndata: {mode: ${value}}\n`;

  it('replaces and diffs against the live object', async () => {
    await ok(['create', '-f', '-'], cm('a'));
    expect(await ok(['replace', '-f', '-'], cm('b'))).toContain('configmap/settings replaced');
    const diff = await kubectl(['diff', '-f', '-'], cm('c'));
    expect(diff.code).toBe(1);
    expect(diff.stdout).toMatch(/-\s+mode: b\n\+\s+mode: c/);
    await ok(['apply', '-f', '-'], cm('b'));
    expect((await kubectl(['diff', '-f', '-'], cm('b'))).code).toBe(0);
  });

  it('lists API resources and prints custom columns and labels', async () => {
    const resources = await ok(['api-resources']);
    expect(resources).toMatch(/deployments\s+deploy\s+apps\/v1\s+true\s+Deployment/);
    expect(resources).toMatch(/pods\s+metrics\.k8s\.io\/v1beta1\s+true\s+PodMetrics/);
    expect(
      await ok(['get', 'svc', '-n', 'todo', '-o', 'custom-columns=NAME:.metadata.name,PORT:.spec.ports[0].port']),
    ).toMatch(/^NAME\s+PORT\nbackend\s+80\n/);
    expect(await ok(['get', 'deploy', 'backend', '-n', 'todo', '--show-labels'])).toMatch(/LABELS\n.*app=backend/);
  });
});

describe('real kubectl: validation', () => {
  const typo = `apiVersion: apps/v1
kind: Deployment
metadata: {name: typo, namespace: todo}
spec:
  replica: 2
  selector: {matchLabels: {app: typo}}
  template:
    metadata: {labels: {app: typo}}
    spec: {containers: [{name: a, image: nginx:1.27}]}
`;

  it('refuses unknown fields on apply as a real server does, and warns under --validate=warn', async () => {
    const strict = await kubectl(['apply', '-f', '-'], typo);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain(
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica"',
    );
    const warned = await kubectl(['apply', '--validate=warn', '-f', '-'], typo);
    expect(warned.code).toBe(0);
    expect(warned.stderr).toContain('Warning: unknown field "spec.replica"');
    await ok(['delete', 'deploy', 'typo', '-n', 'todo']);
  });

  it('refuses values of the wrong type with the decoder message', async () => {
    const r = await kubectl(['create', '-f', '-'], typo.replace('replica: 2', 'replicas: two'));
    expect(r.stderr).toContain(
      'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
  });
});

describe('real kubectl: custom resources', () => {
  it('serves a CRD once established, with printer columns, scale and deletion', async () => {
    await ok(['apply', '-f', '-'], crd);
    expect(await ok(['wait', '--for=condition=established', 'crd/widgets.example.com', '--timeout=10s'])).toContain(
      'condition met',
    );
    const widget =
      'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w1, namespace: todo}\nspec: {replicas: 1, colour: blue}\n';
    expect(await ok(['apply', '-f', '-'], widget)).toContain('widget.example.com/w1 created');
    expect(await ok(['get', 'wd', '-n', 'todo'])).toMatch(/^NAME\s+COLOUR\s+REPLICAS\nw1\s+blue\s+1\n/);
    expect(await ok(['scale', 'widget', 'w1', '-n', 'todo', '--replicas=3'])).toContain('scaled');
    expect(await ok(['get', 'widget', 'w1', '-n', 'todo', '-o', 'jsonpath={.spec.replicas}'])).toBe('3');
    const bad = await kubectl(['apply', '-f', '-'], widget.replace('colour: blue', 'color: blue'));
    expect(bad.stderr).toContain('unknown field "spec.color"');
    await ok(['delete', 'crd', 'widgets.example.com']);
    expect((await kubectl(['get', 'widgets', '-n', 'todo'])).stderr).toContain(
      'the server could not find the requested resource',
    );
  });
});

describe('real kubectl: node maintenance and bulk deletes', () => {
  it('drains a node through the eviction subresource and uncordons it', async () => {
    await ok(['rollout', 'status', 'deploy/frontend', '-n', 'todo', '--timeout=30s']);
    const drained = await ok(['drain', 'sim-worker-2', '--ignore-daemonsets', '--force', '--timeout=30s']);
    expect(drained).toContain('node/sim-worker-2 drained');
    const onNode = await ok(['get', 'pods', '-A', '--field-selector', 'spec.nodeName=sim-worker-2', '-o', 'name']);
    expect(onNode).toBe('');
    expect(await ok(['uncordon', 'sim-worker-2'])).toContain('uncordoned');
  });

  it('deletes by label selector', async () => {
    for (const name of ['one', 'two']) {
      await ok(
        ['create', '-f', '-'],
        `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}, namespace: todo, labels: {batch: x}}\n`,
      );
    }
    expect(await ok(['delete', 'cm', '-n', 'todo', '-l', 'batch=x'])).toMatch(
      /configmap "one" deleted.*\n.*configmap "two" deleted/,
    );
    expect(await ok(['get', 'cm', '-n', 'todo', '-l', 'batch=x', '-o', 'name'])).toBe('');
  });
});
