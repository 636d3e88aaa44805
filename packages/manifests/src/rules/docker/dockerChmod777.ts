import { dockerRule, runCommands } from '../dockerRule.js';

/**
 * World-writable files let any process in the container replace them.
 * @see https://docs.docker.com/build/building/best-practices/#user
 */
export const dockerChmod777 = dockerRule({
  id: 'docker-chmod-777',
  category: 'security',
  severity: 'WARNING',
  description: 'RUN must not make files world-writable (chmod 777, o+w)',
  fix: 'grant only what is needed (e.g. chown to the app user and chmod 750)',
  check: (doc) =>
    runCommands(doc).flatMap(({ ins, commands }) =>
      commands.some(
        (c) => c[0] === 'chmod' && c.some((w) => /^0?7[0-7]7$|^[ugoa]*\+[rx]*w/.test(w) && /7$|o|a|^\+/.test(w)),
      )
        ? [{ message: 'RUN makes files world-writable', at: ins }]
        : [],
    ),
});
