import { containersOf, kubeRule, parseImageRef, WORKLOAD_KINDS } from '@opspilot/manifests';

/**
 * A tag can be moved to other bytes; a digest cannot. Latest and untagged images are image-latest-tag's finding.
 * @see https://kubernetes.io/docs/concepts/containers/images/#image-names
 */
export const imageDigest = kubeRule({
  id: 'image-digest',
  appliesTo: WORKLOAD_KINDS,
  category: 'security',
  severity: 'INFO',
  description: 'Images should be pinned by digest',
  fix: 'reference the image as repository:tag@sha256:<digest>',
  check: (obj) =>
    containersOf(obj).flatMap(({ c, path, name }) => {
      if (typeof c.image !== 'string' || c.image === '') return [];
      const ref = parseImageRef(c.image);
      if (ref.digest || !ref.tag || ref.tag === 'latest') return [];
      return [{ message: `container "${name}" image ${c.image} has no digest`, path: `${path}.image` }];
    }),
});
