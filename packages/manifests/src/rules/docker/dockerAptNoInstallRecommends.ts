import { dockerRule, runCommands } from '../dockerRule.js';

/**
 * Recommended packages bloat the image with things nobody asked for. (hadolint DL3015)
 * @see https://docs.docker.com/build/building/best-practices/#apt-get
 */
export const dockerAptNoInstallRecommends = dockerRule({
  id: 'docker-apt-no-install-recommends',
  category: 'efficiency',
  severity: 'INFO',
  description: 'apt-get install must use --no-install-recommends',
  fix: 'add --no-install-recommends to apt-get install',
  check: (doc) =>
    runCommands(doc).flatMap(({ ins, commands }) =>
      commands.some((c) => c[0] === 'apt-get' && c.includes('install') && !c.includes('--no-install-recommends'))
        ? [{ message: 'apt-get install without --no-install-recommends', at: ins }]
        : [],
    ),
});
