import { describe, expect, it } from 'vitest';
import { healthyDeployment, obj, runKubeRule } from '../testing/kubeTesting.js';
import { workloadRollingUpdate } from './workloadRollingUpdate.js';

describe('workloadRollingUpdate', () => {
  it('passes an unset strategy (the default is RollingUpdate) and an explicit RollingUpdate', () => {
    expect(runKubeRule(workloadRollingUpdate, [healthyDeployment()])).toEqual([]);
    const d = healthyDeployment();
    d.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0 } };
    expect(runKubeRule(workloadRollingUpdate, [d])).toEqual([]);
  });

  it('passes Recreate on a Deployment that mounts a PersistentVolumeClaim', () => {
    const d = healthyDeployment();
    d.spec.replicas = 1;
    d.spec.strategy = { type: 'Recreate' };
    d.spec.template.spec.volumes = [{ name: 'data', persistentVolumeClaim: { claimName: 'web-data' } }];
    expect(runKubeRule(workloadRollingUpdate, [d])).toEqual([]);
  });

  it('reports Recreate on a stateless Deployment and OnDelete on a DaemonSet or StatefulSet', () => {
    const d = healthyDeployment();
    d.spec.strategy = { type: 'Recreate' };
    expect(runKubeRule(workloadRollingUpdate, [d])).toEqual([
      expect.objectContaining({
        path: 'spec.strategy.type',
        severity: 'INFO',
        message: expect.stringContaining('Recreate'),
      }),
    ]);
    for (const kind of ['DaemonSet', 'StatefulSet']) {
      const w = obj(`
apiVersion: apps/v1
kind: ${kind}
metadata: { name: agent }
spec:
  updateStrategy: { type: OnDelete }
  selector: { matchLabels: { app: agent } }
  template: { metadata: { labels: { app: agent } }, spec: { containers: [{ name: a, image: a:1 }] } }
`);
      expect(runKubeRule(workloadRollingUpdate, [w]).map((v) => v.path)).toEqual(['spec.updateStrategy.type']);
    }
  });
});
