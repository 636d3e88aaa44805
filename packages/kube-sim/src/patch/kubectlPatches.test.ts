import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalize } from './canonicalize.js';
import type { JsonObject, JsonValue } from './json.js';
import { applyJsonPatch } from './jsonPatch.js';
import { applyMergePatch } from './mergePatch.js';
import { patchStrategyFor } from './patchStrategyFor.js';
import { applyStrategicMergePatch } from './strategicMergePatch.js';

/**
 * The request bodies real kubectl 1.32 sent (captured on the wire), applied to objects as a real API server stores
 * them. `fieldManager` is what kubectl put in the query; without one the server names the manager after the user
 * agent (`kubectl`).
 */
interface CapturedRequest {
  request: string;
  fieldManager?: string;
  contentType: string;
  body: JsonValue;
}

const fixture = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, '__fixtures__', name), 'utf8'));
const requests = fixture('kubectl-1.32-requests.json') as Record<string, CapturedRequest>;

/** Applies a captured request body the way the API server picks the engine from the content type. */
function send(live: JsonObject, name: string): JsonObject {
  const { contentType, body } = requests[name]!;
  const schema = patchStrategyFor(live.apiVersion as string, live.kind as string);
  if (contentType === 'application/merge-patch+json') return applyMergePatch(live, body) as JsonObject;
  const result =
    contentType === 'application/json-patch+json'
      ? applyJsonPatch(live, body)
      : applyStrategicMergePatch(live, body, schema);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.value as JsonObject;
}

interface Container {
  name: string;
  image: string;
  env?: { name: string; value: string }[];
  ports?: JsonObject[];
  resources?: JsonObject;
  imagePullPolicy?: string;
}
interface Deployment {
  metadata: { labels: Record<string, string>; annotations: Record<string, string> };
  spec: {
    replicas: number;
    paused?: boolean;
    template: { metadata: { annotations?: Record<string, string> }; spec: { containers: Container[] } };
  };
}
const view = (o: JsonObject) => o as unknown as Deployment;
const containers = (o: JsonObject) => view(o).spec.template.spec.containers;
const container = (o: JsonObject, name: string) => containers(o).find((c) => c.name === name)!;

describe('what kubectl sends, applied', () => {
  const live = fixture('deployment-web.live.json') as JsonObject;
  const applied = send(live, 'apply-update');

  it('client-side apply: the three-way patch removes, adds and reorders as the file says', () => {
    expect(requests['apply-update']!.contentType).toBe('application/strategic-merge-patch+json');
    expect(requests['apply-update']!.fieldManager).toBe('kubectl-client-side-apply');
    expect(view(applied).metadata.labels).toEqual({ app: 'web' });
    expect(view(applied).metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']).toContain('redis:7');
    expect(containers(applied).map((c) => c.name)).toEqual(['app', 'sidecar', 'cache']);
    expect(container(applied, 'app')).toEqual({
      name: 'app',
      image: 'nginx:1.27',
      env: [{ name: 'MODE', value: 'prod' }],
      ports: [{ containerPort: 80, protocol: 'TCP' }],
      imagePullPolicy: 'IfNotPresent',
      resources: {},
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
    });
    expect(container(applied, 'sidecar')).toEqual(container(live, 'sidecar'));
    expect(container(applied, 'cache')).toEqual({ name: 'cache', image: 'redis:7' });
    expect(view(applied).spec.replicas).toBe(2);
    expect(applied.status).toEqual(live.status);
  });

  it('kubectl set image changes one container only', () => {
    const out = send(applied, 'set-image');
    expect(containers(out).map((c) => `${c.name}=${c.image}`)).toEqual([
      'app=nginx:1.27.1',
      'sidecar=envoyproxy/envoy:v1.30.0',
      'cache=redis:7',
    ]);
    expect(container(out, 'app').env).toEqual([{ name: 'MODE', value: 'prod' }]);
  });

  it('kubectl set env adds after the existing variables, removes one, and starts a new list', () => {
    const added = send(applied, 'set-env-add');
    expect(container(added, 'app').env).toEqual([
      { name: 'MODE', value: 'prod' },
      { name: 'FEATURE_X', value: 'on' },
    ]);
    const removed = send(added, 'set-env-remove');
    expect(container(removed, 'app').env).toEqual([{ name: 'FEATURE_X', value: 'on' }]);
    const started = send(removed, 'set-env-new-list');
    expect(container(started, 'cache').env).toEqual([{ name: 'REDIS_ARGS', value: '--save' }]);
    expect(containers(started).map((c) => c.name)).toEqual(['app', 'sidecar', 'cache']);
  });

  it('kubectl set resources merges into the container resources', () => {
    const out = send(applied, 'set-resources');
    expect(container(out, 'app').resources).toEqual({ limits: { cpu: '500m', memory: '256Mi' } });
    expect(container(out, 'app').image).toBe('nginx:1.27');
  });

  it('kubectl rollout restart annotates the pod template; pause and resume toggle spec.paused', () => {
    const restarted = send(applied, 'rollout-restart');
    expect(view(restarted).spec.template.metadata.annotations).toEqual({
      'kubectl.kubernetes.io/restartedAt': expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
    });
    const paused = send(restarted, 'rollout-pause');
    expect(view(paused).spec.paused).toBe(true);
    expect('paused' in view(send(paused, 'rollout-resume')).spec).toBe(false);
  });

  it('kubectl label and annotate send JSON merge patches', () => {
    expect(requests['label-add']!.contentType).toBe('application/merge-patch+json');
    const labelled = send(applied, 'label-add');
    expect(view(labelled).metadata.labels).toEqual({ app: 'web', team: 'payments' });
    expect(view(send(labelled, 'label-remove')).metadata.labels).toEqual({ app: 'web' });
    const annotated = send(applied, 'annotate');
    expect(view(annotated).metadata.annotations.owner).toBe('sre');
    expect(Object.keys(view(annotated).metadata.annotations)).toContain('deployment.kubernetes.io/revision');
  });

  it('kubectl scale merge-patches the scale subresource, with no field manager', () => {
    expect(requests.scale).toMatchObject({ request: 'PATCH /apis/apps/v1/namespaces/default/deployments/web/scale' });
    expect(requests.scale!.fieldManager).toBeUndefined();
    const scale = { apiVersion: 'autoscaling/v1', kind: 'Scale', spec: { replicas: 2 }, status: { replicas: 2 } };
    expect(send(scale, 'scale').spec).toEqual({ replicas: 4 });
  });

  it('kubectl patch --type=json with a test guard', () => {
    const four = applyMergePatch(applied, { spec: { replicas: 4 } }) as JsonObject;
    expect(view(send(four, 'patch-json')).spec.replicas).toBe(5);
    expect(applyJsonPatch(applied, requests['patch-json']!.body)).toMatchObject({
      ok: false,
      error: { code: 422, message: 'the server rejected our request due to an error in our request' },
    });
  });

  it('kubectl rollout undo replaces the template and annotations; the template hashes like the original', () => {
    const out = send(applied, 'rollout-undo');
    const sent = (requests['rollout-undo']!.body as JsonObject[])[0]!.value as JsonObject;
    expect((out.spec as JsonObject).template).toEqual(sent);
    expect(Object.keys(view(out).metadata.annotations)).toEqual(['kubectl.kubernetes.io/last-applied-configuration']);
    const stored = structuredClone(sent);
    delete (stored.metadata as JsonObject).creationTimestamp;
    expect(canonicalize(stored)).toEqual(canonicalize(sent));
  });
});

describe('what kubectl sends to nodes and services, applied', () => {
  const node = fixture('node-worker.live.json') as JsonObject;

  it('kubectl cordon and uncordon set and clear spec.unschedulable', () => {
    const cordoned = send(node, 'cordon');
    expect(cordoned.spec).toMatchObject({ unschedulable: true, podCIDRs: ['10.244.1.0/24'] });
    expect(send(cordoned, 'uncordon').spec).toEqual(node.spec);
  });

  it('kubectl taint sends the whole taint list, which replaces the old one', () => {
    expect((send(node, 'taint').spec as JsonObject).taints).toEqual([
      { effect: 'NoSchedule', key: 'dedicated', value: 'gpu' },
    ]);
  });

  it('client-side apply adds a service port, merged by port', () => {
    const service = fixture('service-web.live.json') as JsonObject;
    const out = send(service, 'service-apply-add-port');
    expect((out.spec as JsonObject).ports).toEqual([
      { name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' },
      { name: 'metrics', port: 9090 },
    ]);
    expect((out.spec as JsonObject).clusterIP).toBe('10.96.12.34');
  });
});
