import { dockerRule, runCommands } from '../dockerRule.js';

/**
 * `cd` in RUN lasts one instruction and hides where later ones run; use WORKDIR. (hadolint DL3003)
 * @see https://docs.docker.com/build/building/best-practices/#workdir
 */
export const dockerNoCd = dockerRule({
  id: 'docker-no-cd',
  category: 'reliability',
  severity: 'WARNING',
  description: 'Use WORKDIR instead of cd in RUN',
  fix: 'replace "cd dir &&" with a WORKDIR dir instruction',
  check: (doc) =>
    runCommands(doc).flatMap(({ ins, commands }) =>
      commands.some((c) => c[0] === 'cd') ? [{ message: 'RUN changes directory with cd', at: ins }] : [],
    ),
});
