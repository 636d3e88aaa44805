import { describe, expect, it } from 'vitest';
import { ctx, NOW, snapshotOf } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { withPodUsage } from '../signals.js';
import { podMemoryNearLimit } from './podMemoryNearLimit.js';

const MI = 1048576;
const usage = (name: string, mi: number) => ({
  ref: { kind: 'Pod', name, namespace: 'shop' },
  cpuMillicores: 50,
  memoryBytes: mi * MI,
});

function analyze(cluster = healthyCluster(), samples = [usage('web-5d8f7-abcde', 120)]) {
  return podMemoryNearLimit.analyze(withPodUsage(snapshotOf(cluster.objects, ['Pod']), samples), ctx);
}

describe('pod-memory-near-limit', () => {
  it('reports nothing on a healthy cluster, without usage, or well under the limit', () => {
    expect(podMemoryNearLimit.analyze(snapshotOf(healthyCluster().objects, ['Pod']), { now: NOW })).toEqual([]);
    expect(analyze()).toEqual([]);
  });

  it('reports a pod at 94% of its limit once per workload, raising the limit on the Deployment', () => {
    const findings = analyze(healthyCluster(), [usage('web-5d8f7-abcde', 240), usage('web-5d8f7-fghij', 250)]);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toBe(
      'Pod shop/web-5d8f7-abcde uses 240Mi of its 256Mi memory limit (94%): the next spike will be OOM-killed',
    );
    expect(findings[0]?.proposedFix?.patch?.body).toEqual({
      spec: { template: { spec: { containers: [{ name: 'web', resources: { limits: { memory: '376Mi' } } }] } } },
    });
  });

  it('leaves a pod already OOM-killed to pod-oom-killed', () => {
    const cluster = healthyCluster();
    const statuses = (cluster.find('Pod', 'web-5d8f7-abcde').status as { containerStatuses: Record<string, unknown>[] })
      .containerStatuses;
    statuses[0]!.lastState = { terminated: { reason: 'OOMKilled', exitCode: 137 } };
    expect(analyze(cluster, [usage('web-5d8f7-abcde', 256)])).toEqual([]);
  });
});
