import { dockerRule } from '../dockerRule.js';

/**
 * A digest makes the base image immutable: the same Dockerfile builds the same image next month.
 * @see https://docs.docker.com/build/building/best-practices/#pin-base-image-versions
 */
export const dockerFromDigest = dockerRule({
  id: 'docker-from-digest',
  category: 'security',
  severity: 'INFO',
  description: 'The final base image should be pinned by digest',
  fix: 'append the digest: FROM image:tag@sha256:<digest>',
  check: (doc) => {
    const last = doc.stages[doc.stages.length - 1];
    if (!last) return [];
    const internal = doc.stages.some((s) => s !== last && s.name === last.image.toLowerCase());
    if (internal || last.image === 'scratch' || last.image.includes('@') || last.image.includes('$')) return [];
    return [{ message: `the final base image ${last.image} is not pinned by digest`, at: last.from }];
  },
});
