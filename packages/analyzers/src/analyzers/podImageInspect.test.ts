import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { podImageInspect } from './podImageInspect.js';

describe('pod-image-inspect', () => {
  it('reports nothing on a healthy cluster', () => {
    expect(analyzeWith(podImageInspect, healthyCluster().objects)).toEqual([]);
  });

  it('reports ImageInspectError with the node to clean', () => {
    const cluster = healthyCluster();
    (cluster.find('Pod', 'web-5d8f7-abcde').status as Record<string, unknown>).containerStatuses = [
      {
        name: 'web',
        image: 'nginx:1.27',
        ready: false,
        restartCount: 0,
        state: {
          waiting: {
            reason: 'ImageInspectError',
            message: 'Failed to inspect image "nginx:1.27": rpc error: code = Unknown desc = layer does not exist',
          },
        },
      },
    ];
    const [finding] = analyzeWith(podImageInspect, cluster.objects);
    expect(finding?.message).toMatch(
      /^Container web of pod shop\/web-5d8f7-abcde cannot start: the runtime cannot inspect image "nginx:1.27" \(ImageInspectError: Failed to inspect/,
    );
    expect(finding?.proposedFix?.command).toBe(
      'kubectl debug node/worker-1 -it --image=busybox:1.36 -- chroot /host crictl rmi nginx:1.27',
    );
  });
});
