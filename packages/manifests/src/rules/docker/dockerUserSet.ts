import { dockerRule, finalStage } from '../dockerRule.js';

/**
 * Seed 000 rule: without USER the container runs as root. The final stage must switch to a non-root user.
 * @see https://docs.docker.com/build/building/best-practices/#user
 */
export const dockerUserSet = dockerRule({
  id: 'docker-user-set',
  category: 'security',
  severity: 'ERROR',
  description: 'The final stage must set USER to a non-root user',
  fix: 'add a user and switch to it, e.g. RUN adduser -D -u 10001 app and USER 10001',
  check: (doc) => {
    const last = finalStage(doc);
    if (!last || last.instructions.some((i) => i.keyword === 'USER')) return [];
    return [{ message: 'the image runs as root: the final stage sets no USER', at: last.from }];
  },
});
