import { describe, expect, it } from 'vitest';
import { analyzeWith, event } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { podImagePull } from './podImagePull.js';

function pulling(reason: string, init = false) {
  const cluster = healthyCluster();
  const pod = cluster.find('Pod', 'web-5d8f7-abcde');
  const status = pod.status as Record<string, unknown>;
  const failing = [
    {
      name: 'web',
      image: 'nginx:9.9.9',
      ready: false,
      restartCount: 0,
      state: { waiting: { reason, message: 'Back-off pulling image "nginx:9.9.9"' } },
    },
  ];
  if (init) status.initContainerStatuses = failing;
  else status.containerStatuses = failing;
  return { cluster, pod };
}

describe('pod-image-pull', () => {
  it('reports nothing on a healthy cluster', () => {
    expect(analyzeWith(podImagePull, healthyCluster().objects)).toEqual([]);
  });

  it.each(['ImagePullBackOff', 'ErrImagePull', 'InvalidImageName'])(
    'reports %s with a set-image fix on the Deployment',
    (reason) => {
      const { cluster, pod } = pulling(reason);
      cluster.add(event(pod, 'Warning', 'Failed', 'Failed to pull image "nginx:9.9.9": not found'));
      const findings = analyzeWith(podImagePull, cluster.objects);
      expect(findings).toHaveLength(1);
      expect(findings[0]?.message).toBe(
        `Container web of pod shop/web-5d8f7-abcde cannot pull image "nginx:9.9.9" (${reason})`,
      );
      expect(findings[0]?.proposedFix?.command).toBe('kubectl set image deployment/web -n shop web=<image:tag>');
      expect(findings[0]?.proposedFix?.patch?.body).toEqual({
        spec: { template: { spec: { containers: [{ name: 'web', image: '<image:tag>' }] } } },
      });
      expect(findings[0]?.evidence.some((e) => e.kind === 'event' && e.detail.includes('not found'))).toBe(true);
    },
  );

  it('proposes a pull secret when the registry refuses', () => {
    const { cluster, pod } = pulling('ErrImagePull');
    cluster.add(event(pod, 'Warning', 'Failed', 'Failed to pull image "nginx:9.9.9": 401 Unauthorized'));
    expect(analyzeWith(podImagePull, cluster.objects)[0]?.proposedFix?.command).toMatch(
      /^kubectl create secret docker-registry/,
    );
  });

  it('adds the new docker-registry Secret to the workload when the pod uses no pull secret', () => {
    const { cluster, pod } = pulling('ErrImagePull');
    cluster.add(event(pod, 'Warning', 'Failed', 'Failed to pull image "nginx:9.9.9": 401 Unauthorized'));
    const fix = analyzeWith(podImagePull, cluster.objects)[0]?.proposedFix;
    expect(fix?.patch?.body).toEqual({ spec: { template: { spec: { imagePullSecrets: [{ name: 'regcred' }] } } } });
  });

  it('recreates a generic Secret used as pull secret (through the ServiceAccount) as docker-registry', () => {
    const { cluster, pod } = pulling('ErrImagePull');
    cluster.add(
      event(
        pod,
        'Warning',
        'Failed',
        'Failed to pull image "nginx:9.9.9": failed to authorize: failed to fetch anonymous token: 403 Forbidden',
      ),
    );
    (cluster.find('ServiceAccount', 'web') as { imagePullSecrets?: unknown }).imagePullSecrets = [
      { name: 'web-secret' },
    ];
    const fix = analyzeWith(podImagePull, cluster.objects)[0]?.proposedFix;
    expect(fix?.description).toMatch(/web-secret \(referenced by ServiceAccount web\) is of type Opaque/);
    expect(fix?.command).toBe(
      'kubectl delete secret web-secret -n shop && kubectl create secret docker-registry web-secret -n shop --docker-server=<registry> --docker-username=<user> --docker-password=<password>',
    );
  });

  it('names the missing pull secret the pod references', () => {
    const { cluster, pod } = pulling('ErrImagePull');
    cluster.add(
      event(pod, 'Warning', 'Failed', 'Failed to pull image "nginx:9.9.9": unauthorized: authentication required'),
    );
    (pod.spec as { imagePullSecrets?: unknown }).imagePullSecrets = [{ name: 'ghcr-creds' }];
    expect(analyzeWith(podImagePull, cluster.objects)[0]?.proposedFix?.command).toMatch(
      /^kubectl create secret docker-registry ghcr-creds -n shop /,
    );
  });

  it('reports init containers too', () => {
    const { cluster } = pulling('ImagePullBackOff', true);
    expect(analyzeWith(podImagePull, cluster.objects)[0]?.message).toMatch(/^Init container web/);
  });
});
