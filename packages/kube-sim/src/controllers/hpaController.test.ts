import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './__fixtures__/harness.js';
import { normalize } from './hpaBehavior.js';
import { proposeReplicas } from './hpaReplicas.js';

type Json = Record<string, unknown>;
let h: Harness;

const deployment = (name: string, image: string, replicas: number, requests?: Json) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: 'default' },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: { containers: [{ name: 'app', image, ...(requests ? { resources: { requests } } : {}) }] },
    },
  },
});
const hpa = (name: string, target: string, spec: Json = {}) => ({
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: { name, namespace: 'default' },
  spec: {
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: target },
    minReplicas: 1,
    maxReplicas: 10,
    metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }],
    ...spec,
  },
});
const replicas = (name: string) => (h.get('Deployment', name)!.spec as Json).replicas;
const status = (name: string) => h.get('HorizontalPodAutoscaler', name)!.status as Json;
const conditionOf = (name: string, type: string) => (status(name).conditions as Json[]).find((c) => c.type === type);

beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => h.sim.stop());

describe('HPA replica calculation', () => {
  const samples = (usages: (number | undefined)[], request = 100) =>
    usages.map((usage, i) => ({ pod: `p${i}`, usage, request }));

  it('follows ceil(current × usage / target) with a 10 % tolerance', () => {
    const at = (usages: (number | undefined)[], current = usages.length) =>
      proposeReplicas(current, samples(usages), { averageUtilization: 50 }, 'cpu');
    expect(at([100, 100])).toEqual({ ok: true, value: { replicas: 4, utilization: 100, averageValue: 100 } });
    expect(at([54, 54])).toMatchObject({ value: { replicas: 2 } });
    expect(at([20, 20, 20])).toMatchObject({ value: { replicas: 2, utilization: 20 } });
    expect(at([100, undefined])).toMatchObject({ value: { replicas: 2 } });
    expect(at([20, undefined])).toMatchObject({ value: { replicas: 2 } });
    expect(at([])).toMatchObject({ ok: false });
    expect(proposeReplicas(2, samples([30, 30]), { averageValue: 10 }, 'cpu')).toMatchObject({
      value: { replicas: 6, averageValue: 30 },
    });
  });

  it('stabilizes scale-downs and limits the rate of scale-ups', () => {
    const memory = { recommendations: [], scaleUps: [], scaleDowns: [] };
    const bounds = { min: 1, max: 20 };
    expect(normalize(4, 2, bounds, undefined, memory, 0)).toMatchObject({
      replicas: 4,
      ableReason: 'ScaleDownStabilized',
    });
    expect(normalize(4, 2, bounds, undefined, memory, 301_000)).toMatchObject({ replicas: 2 });
    expect(normalize(2, 15, bounds, undefined, memory, 302_000)).toMatchObject({
      replicas: 6,
      limitedReason: 'ScaleUpLimit',
    });
    expect(
      normalize(
        2,
        15,
        bounds,
        { scaleUp: { policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] } },
        memory,
        303_000,
      ),
    ).toMatchObject({ replicas: 3 });
  });
});

describe('HPA controller', () => {
  it('scales a deployment up from its pods’ CPU utilization with the real status and events', async () => {
    h.create(deployment('web', 'nginx:1.27', 2, { cpu: '10m' }));
    await h.advance(1500);
    h.create(hpa('web', 'web'));
    await h.settle();
    expect(replicas('web')).toBe(6);
    const event = h.events('SuccessfulRescale')[0]!;
    expect(event.message).toBe('New size: 6; reason: cpu resource utilization (percentage of request) above target');
    expect(status('web')).toMatchObject({
      currentReplicas: 2,
      desiredReplicas: 6,
      lastScaleTime: '2026-01-01T00:00:01Z',
      currentMetrics: [
        { type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 200, averageValue: '20m' } } },
      ],
    });
    expect(conditionOf('web', 'AbleToScale')).toMatchObject({ status: 'True', reason: 'SucceededRescale' });
    expect(conditionOf('web', 'ScalingActive')).toMatchObject({
      status: 'True',
      reason: 'ValidMetricFound',
      message:
        'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)',
    });
    expect(conditionOf('web', 'ScalingLimited')).toMatchObject({ status: 'True', reason: 'ScaleUpLimit' });
    await h.advance(15_000);
    expect(replicas('web')).toBe(10);
    expect(conditionOf('web', 'ScalingLimited')).toMatchObject({ status: 'True', reason: 'TooManyReplicas' });
    expect(status('web')).toMatchObject({ currentReplicas: 6, desiredReplicas: 10 });
  });

  it('waits out the 300 s scale-down stabilization window', async () => {
    h.create(deployment('api', 'todo/backend:1.0', 4, { cpu: '100m' }));
    await h.advance(1500);
    h.create(
      hpa('api', 'api', {
        metrics: [
          { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } },
        ],
      }),
    );
    await h.settle();
    expect(replicas('api')).toBe(4);
    expect(status('api')).toMatchObject({ desiredReplicas: 4 });
    expect(conditionOf('api', 'AbleToScale')).toMatchObject({ reason: 'ScaleDownStabilized' });
    await h.advance(285_000, 15_000);
    expect(replicas('api')).toBe(4);
    await h.advance(30_000, 15_000);
    expect(replicas('api')).toBe(3);
    expect(h.events('SuccessfulRescale')[0]!.message).toBe('New size: 3; reason: All metrics below target');
  });

  it('reports FailedGetResourceMetric when the pods request no CPU', async () => {
    h.create(deployment('bare', 'nginx:1.27', 1));
    await h.advance(1500);
    h.create(hpa('bare', 'bare'));
    await h.settle();
    const pod = h.list('Pod').find((p) => p.metadata.labels?.app === 'bare')!;
    const message = `failed to get cpu utilization: missing request for cpu in container app of Pod ${pod.metadata.name}`;
    expect(conditionOf('bare', 'ScalingActive')).toMatchObject({
      status: 'False',
      reason: 'FailedGetResourceMetric',
      message: `the HPA was unable to compute the replica count: ${message}`,
    });
    expect(h.events('FailedGetResourceMetric')[0]).toMatchObject({ type: 'Warning', message });
    expect(replicas('bare')).toBe(1);
  });

  it('reads an autoscaler stored without metrics as the API default, 80 % CPU, instead of failing', async () => {
    h.create(deployment('plain', 'nginx:1.27', 1, { cpu: '100m' }));
    await h.advance(1500);
    h.create(hpa('plain', 'plain'));
    // Straight into the store, past admission's defaulting: as an object stored by an older server would be.
    h.update('HorizontalPodAutoscaler', 'plain', (o) => {
      delete (o.spec as Json).metrics;
    });
    await h.settle();
    expect(h.events('ReconcileError')).toEqual([]);
    expect(conditionOf('plain', 'ScalingActive')).toMatchObject({ status: 'True', reason: 'ValidMetricFound' });
    expect(status('plain').currentMetrics).toMatchObject([{ type: 'Resource', resource: { name: 'cpu' } }]);
  });

  it('brings the target within min/max and reports a missing target', async () => {
    h.create(deployment('small', 'nginx:1.27', 1, { cpu: '100m' }));
    h.create(hpa('small', 'small', { minReplicas: 3 }));
    h.create(hpa('ghost', 'nowhere'));
    await h.settle();
    expect(replicas('small')).toBe(3);
    expect(h.events('SuccessfulRescale')[0]!.message).toBe(
      'New size: 3; reason: Current number of replicas below Spec.MinReplicas',
    );
    expect(conditionOf('ghost', 'AbleToScale')).toMatchObject({
      status: 'False',
      reason: 'FailedGetScale',
      message: 'the HPA controller was unable to get the target\'s current scale: deployments.apps "nowhere" not found',
    });
  });

  it('measures only the named container for a ContainerResource metric', async () => {
    const dep = deployment('side', 'nginx:1.27', 2, { cpu: '40m' });
    const podSpec = (dep.spec.template.spec as { containers: Json[] }).containers;
    podSpec.push({ name: 'cache', image: 'redis:7', resources: { requests: { cpu: '1m' } } });
    h.create(dep);
    await h.advance(1500);
    h.create(
      hpa('side', 'side', {
        metrics: [
          {
            type: 'ContainerResource',
            containerResource: {
              name: 'cpu',
              container: 'app',
              target: { type: 'Utilization', averageUtilization: 50 },
            },
          },
        ],
      }),
    );
    await h.settle();
    expect(replicas('side')).toBe(2);
    expect(status('side').currentMetrics).toEqual([
      {
        type: 'ContainerResource',
        containerResource: { name: 'cpu', container: 'app', current: { averageUtilization: 50, averageValue: '20m' } },
      },
    ]);
  });
});
