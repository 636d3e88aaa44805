import { parseImageRef } from '../../kube/imageRef.js';
import { containersOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

/**
 * `latest` (or no tag) makes deployments unrepeatable: two nodes may run different code, and rollback is impossible.
 * @see https://kubernetes.io/docs/concepts/containers/images/#image-names
 */
export const imageLatestTag = kubeRule({
  id: 'image-latest-tag',
  appliesTo: WORKLOAD_KINDS,
  category: 'reliability',
  severity: 'WARNING',
  description: 'Images must be pinned to a version tag or digest, not latest or untagged',
  fix: 'pin the image to a version tag (e.g. app:1.4.2) or a digest',
  check: (obj) =>
    containersOf(obj).flatMap(({ c, path, name }) => {
      if (typeof c.image !== 'string' || c.image === '') {
        return [{ message: `container "${name}" names no image`, path, severity: 'ERROR' as const }];
      }
      const ref = parseImageRef(c.image);
      if (ref.digest) return [];
      if (ref.tag && ref.tag !== 'latest') return [];
      return [
        {
          message: `container "${name}" uses ${ref.tag ? 'the latest tag' : 'an untagged image'} (${c.image})`,
          path: `${path}.image`,
        },
      ];
    }),
});
