import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { podContainerConfig } from './podContainerConfig.js';

describe('pod-container-config', () => {
  it('reports nothing on a healthy cluster', () => {
    expect(analyzeWith(podContainerConfig, healthyCluster().objects)).toEqual([]);
  });

  it.each(['CreateContainerConfigError', 'CreateContainerError', 'RunContainerError'])(
    'reports %s with its message',
    (reason) => {
      const cluster = healthyCluster();
      const pod = cluster.find('Pod', 'web-5d8f7-abcde');
      (pod.status as { containerStatuses: unknown[] }).containerStatuses = [
        { name: 'web', ready: false, state: { waiting: { reason, message: 'configmap "web-config" not found' } } },
      ];
      const [finding] = analyzeWith(podContainerConfig, cluster.objects);
      expect(finding?.message).toBe(
        `Container web of pod shop/web-5d8f7-abcde cannot start (${reason}): configmap "web-config" not found`,
      );
    },
  );

  it.each([
    [
      "couldn't find key CURRENCY in ConfigMap shop/pricing",
      /kubectl patch configmap pricing -n shop --type merge -p '\{"data":\{"CURRENCY":"<value>"\}\}'/,
    ],
    [
      "couldn't find key password in Secret shop/db",
      /kubectl patch secret db -n shop --type merge -p '\{"stringData":\{"password":"<value>"\}\}'/,
    ],
    ['exec: "/app/start": stat /app/start: no such file or directory', /containers\[\?\(@.name=="web"\)\].command/],
  ])('proposes the fix the message names: %s', (message, fix) => {
    const cluster = healthyCluster();
    const pod = cluster.find('Pod', 'web-5d8f7-abcde');
    (pod.status as { containerStatuses: unknown[] }).containerStatuses = [
      { name: 'web', ready: false, state: { waiting: { reason: 'CreateContainerConfigError', message } } },
    ];
    const [finding] = analyzeWith(podContainerConfig, cluster.objects);
    expect(finding?.proposedFix?.command).toMatch(fix);
  });
});
