import { dockerRule, runCommands } from '../dockerRule.js';

/**
 * Without -y, apt-get install waits for a confirmation that never comes and the build fails. (hadolint DL3014)
 * @see https://docs.docker.com/build/building/best-practices/#apt-get
 */
export const dockerAptGetYes = dockerRule({
  id: 'docker-apt-get-yes',
  category: 'reliability',
  severity: 'WARNING',
  description: 'apt-get install must use -y',
  fix: 'add -y (or --yes) to apt-get install',
  check: (doc) =>
    runCommands(doc).flatMap(({ ins, commands }) =>
      commands.some(
        (c) =>
          c[0] === 'apt-get' &&
          c.includes('install') &&
          !c.some((w) => /^-[a-z]*y[a-z]*$/.test(w) || w === '--yes' || w === '--assume-yes' || w === '-qq'),
      )
        ? [{ message: 'apt-get install may wait for confirmation (no -y)', at: ins }]
        : [],
    ),
});
