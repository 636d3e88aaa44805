import { describe, expect, it } from 'vitest';
import { healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { podSensitiveHostMount, sensitiveHostPath } from './podSensitiveHostMount.js';

describe('podSensitiveHostMount', () => {
  it('passes a pod without node paths, and node paths that are not system folders', () => {
    expect(runKubeRule(podSensitiveHostMount, [healthyDeployment()])).toEqual([]);
    expect(['/var/log/app', '/data', '/mnt/disks/ssd0', '/var/run/docker.sock'].filter(sensitiveHostPath)).toEqual([]);
  });

  it('reports system folders (node-exporter and log-shipper shapes)', () => {
    expect(
      ['/', '/etc', '/proc', '/sys/fs/cgroup', '/var/lib/kubelet/pods', '/root/.ssh'].every(sensitiveHostPath),
    ).toBe(true);
    const d = healthyDeployment();
    d.spec.template.spec.volumes = [{ name: 'root', hostPath: { path: '/' } }];
    const v = runKubeRule(podSensitiveHostMount, [d]);
    expect(v.map((x) => x.path)).toEqual(['spec.template.spec.volumes[0].hostPath.path']);
  });
});
