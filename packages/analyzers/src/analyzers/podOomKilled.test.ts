import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { podOomKilled } from './podOomKilled.js';

describe('pod-oom-killed', () => {
  it('reports nothing on a healthy cluster', () => {
    expect(analyzeWith(podOomKilled, healthyCluster().objects)).toEqual([]);
  });

  it('reports an OOMKilled container and proposes twice its memory limit on the Deployment', () => {
    const cluster = healthyCluster();
    const pod = cluster.find('Pod', 'web-5d8f7-abcde');
    (pod.status as { containerStatuses: unknown[] }).containerStatuses = [
      {
        name: 'web',
        ready: false,
        restartCount: 3,
        state: { waiting: { reason: 'CrashLoopBackOff' } },
        lastState: { terminated: { reason: 'OOMKilled', exitCode: 137 } },
      },
    ];
    const [finding, ...rest] = analyzeWith(podOomKilled, cluster.objects);
    expect(rest).toEqual([]);
    expect(finding?.message).toContain('OOMKilled (exit code 137)');
    expect(finding?.message).toContain('256Mi limit');
    expect(finding?.proposedFix?.patch).toEqual({
      type: 'strategic',
      body: {
        spec: { template: { spec: { containers: [{ name: 'web', resources: { limits: { memory: '512Mi' } } }] } } },
      },
    });
    expect(finding?.proposedFix?.command).toMatch(/^kubectl patch deployment\/web -n shop --type strategic/);
  });
});
