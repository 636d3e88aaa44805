import { dockerRule } from '../dockerRule.js';

/**
 * MAINTAINER is deprecated; a label carries the same information. (hadolint DL4000)
 * @see https://docs.docker.com/reference/dockerfile/#maintainer-deprecated
 */
export const dockerMaintainerDeprecated = dockerRule({
  id: 'docker-maintainer-deprecated',
  category: 'reliability',
  severity: 'WARNING',
  description: 'MAINTAINER is deprecated',
  fix: 'use LABEL org.opencontainers.image.authors="..." instead',
  check: (doc) =>
    doc.instructions
      .filter((i) => i.keyword === 'MAINTAINER')
      .map((i) => ({ message: 'MAINTAINER is deprecated', at: i })),
});
