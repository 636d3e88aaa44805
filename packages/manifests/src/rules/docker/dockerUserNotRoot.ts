import { dockerRule, finalStage } from '../dockerRule.js';

/**
 * Seed 000 rule: the last USER of the final stage must not be root (or uid 0). (hadolint DL3002)
 * @see https://docs.docker.com/build/building/best-practices/#user
 */
export const dockerUserNotRoot = dockerRule({
  id: 'docker-user-not-root',
  category: 'security',
  severity: 'ERROR',
  description: 'The last USER of the final stage must not be root',
  fix: 'end with USER set to a non-root user (e.g. USER 10001)',
  check: (doc) => {
    const users = finalStage(doc)?.instructions.filter((i) => i.keyword === 'USER') ?? [];
    const last = users[users.length - 1];
    if (!last) return [];
    const user = (last.args[0] ?? '').split(':')[0];
    return user === 'root' || user === '0' ? [{ message: `the image runs as ${user}`, at: last }] : [];
  },
});
