import { dockerRule, finalStage } from '../dockerRule.js';

const MINIMAL = /(^|[/:@-])(alpine|slim|distroless|scratch|minimal|micro|busybox|chainguard|wolfi|static|nonroot)/i;

/**
 * Seed 000 rule: the shipped image should start from a minimal base (alpine, slim, distroless, scratch, ...)
 * — fewer packages, fewer vulnerabilities, faster pulls.
 * @see https://docs.docker.com/build/building/best-practices/#choose-the-right-base-image
 */
export const dockerMinimalBaseImage = dockerRule({
  id: 'docker-minimal-base-image',
  category: 'security',
  severity: 'WARNING',
  description: 'The final stage should use a minimal base image (alpine, slim, distroless, scratch)',
  fix: 'use a -slim, -alpine or distroless variant for the final stage (build in an earlier stage)',
  check: (doc) => {
    const last = finalStage(doc);
    if (!last || last.image.includes('$')) return [];
    if (doc.stages.some((s) => s !== last && s.name === last.image.toLowerCase())) return [];
    return MINIMAL.test(last.image)
      ? []
      : [{ message: `the final stage builds on the full image ${last.image}`, at: last.from }];
  },
});
