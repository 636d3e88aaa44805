import { dockerRule, finalStage } from '../dockerRule.js';

/**
 * A HEALTHCHECK lets Docker (and compose, swarm, ECS) tell a hung container from a working one. Kubernetes uses
 * probes instead, so this is informational.
 * @see https://docs.docker.com/reference/dockerfile/#healthcheck
 */
export const dockerHealthcheck = dockerRule({
  id: 'docker-healthcheck',
  category: 'reliability',
  severity: 'INFO',
  description: 'The final stage should declare a HEALTHCHECK',
  fix: 'add HEALTHCHECK CMD ["/app/healthcheck"] (or HEALTHCHECK NONE to state there is none)',
  check: (doc) => {
    const last = finalStage(doc);
    if (!last || doc.instructions.some((i) => i.keyword === 'HEALTHCHECK')) return [];
    return [{ message: 'the image declares no HEALTHCHECK', at: last.from }];
  },
});
