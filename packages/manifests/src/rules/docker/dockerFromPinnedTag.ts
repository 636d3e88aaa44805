import { dockerRule } from '../dockerRule.js';

/**
 * `FROM image` or `FROM image:latest` builds on whatever was pushed last; pin a version. (hadolint DL3006, DL3007)
 * @see https://docs.docker.com/build/building/best-practices/#from
 */
export const dockerFromPinnedTag = dockerRule({
  id: 'docker-from-pinned-tag',
  category: 'reliability',
  severity: 'WARNING',
  description: 'FROM must pin the base image to a version tag or digest (not latest)',
  fix: 'pin the base image, e.g. FROM node:20.11-alpine3.19 or FROM image@sha256:...',
  check: (doc) => {
    const stageNames = new Set(doc.stages.map((s) => s.name).filter(Boolean));
    return doc.stages.flatMap(({ image, from }) => {
      if (image === 'scratch' || image.includes('$') || stageNames.has(image.toLowerCase()) || image.includes('@'))
        return [];
      const slash = image.lastIndexOf('/');
      const colon = image.lastIndexOf(':');
      const tag = colon > slash ? image.slice(colon + 1) : undefined;
      if (tag && tag !== 'latest') return [];
      return [{ message: `base image ${image} is ${tag ? 'the latest tag' : 'untagged'}`, at: from }];
    });
  },
});
