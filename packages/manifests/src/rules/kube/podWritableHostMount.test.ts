import { describe, expect, it } from 'vitest';
import { healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { podWritableHostMount } from './podWritableHostMount.js';

/** A log shipper's shape: the node's /var/log mounted into the container (and an init container). */
function logShipper(readOnly?: boolean) {
  const d = healthyDeployment();
  const pod = d.spec.template.spec;
  pod.volumes = [
    { name: 'logs', hostPath: { path: '/var/log' } },
    { name: 'tmp', emptyDir: { sizeLimit: '64Mi' } },
  ];
  const mount = { name: 'logs', mountPath: '/host/log', ...(readOnly === undefined ? {} : { readOnly }) };
  pod.containers[0].volumeMounts = [{ name: 'tmp', mountPath: '/tmp' }, mount];
  return d;
}

describe('podWritableHostMount', () => {
  it('passes pods without hostPath volumes, read-only host mounts and writable non-host mounts', () => {
    expect(runKubeRule(podWritableHostMount, [healthyDeployment()])).toEqual([]);
    expect(runKubeRule(podWritableHostMount, [logShipper(true)])).toEqual([]);
  });

  it('reports a hostPath volume mounted without readOnly, or with readOnly: false', () => {
    for (const readOnly of [undefined, false]) {
      const v = runKubeRule(podWritableHostMount, [logShipper(readOnly)]);
      expect(v).toEqual([
        expect.objectContaining({
          rule: 'pod-writable-host-mount',
          severity: 'WARNING',
          path: 'spec.template.spec.containers[0].volumeMounts[1]',
          message: 'container "web" mounts the node path /var/log writable at /host/log',
        }),
      ]);
    }
  });

  it('reports init containers too', () => {
    const d = logShipper(true);
    d.spec.template.spec.initContainers = [
      { name: 'setup', image: 'busybox:1.36', volumeMounts: [{ name: 'logs', mountPath: '/log' }] },
    ];
    expect(runKubeRule(podWritableHostMount, [d]).map((v) => v.path)).toEqual([
      'spec.template.spec.initContainers[0].volumeMounts[0]',
    ]);
  });
});
