import { parseImageRef } from '../../kube/imageRef.js';
import { containersOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

/**
 * `imagePullPolicy: Never` depends on the image already being on the node; a mutable tag with `IfNotPresent`
 * lets nodes run different builds. Pinned images pull `IfNotPresent`, mutable ones `Always`.
 * @see https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy
 */
export const imagePullPolicy = kubeRule({
  id: 'image-pull-policy',
  appliesTo: WORKLOAD_KINDS,
  category: 'reliability',
  severity: 'WARNING',
  description: 'imagePullPolicy must not be Never, and must be Always for latest or untagged images',
  fix: 'set imagePullPolicy: IfNotPresent for pinned images (Always for mutable tags)',
  check: (obj) =>
    containersOf(obj).flatMap(({ c, path, name }) => {
      const policy = c.imagePullPolicy;
      if (policy === 'Never') {
        return [{ message: `container "${name}" never pulls its image`, path: `${path}.imagePullPolicy` }];
      }
      const ref = typeof c.image === 'string' ? parseImageRef(c.image) : undefined;
      const mutable = ref !== undefined && !ref.digest && (!ref.tag || ref.tag === 'latest');
      if (mutable && policy === 'IfNotPresent') {
        return [
          {
            message: `container "${name}" uses a mutable tag with IfNotPresent: nodes may run different builds`,
            path: `${path}.imagePullPolicy`,
          },
        ];
      }
      return [];
    }),
});
