import { dockerRule, runCommands, unpinnedOnce } from '../dockerRule.js';

/**
 * Unpinned packages install whatever version is current at build time: builds stop being repeatable. Reported once per RUN, naming every unpinned package, as hadolint does. (hadolint DL3008)
 * @see https://docs.docker.com/build/building/best-practices/#apt-get
 */
export const dockerAptPinVersions = dockerRule({
  id: 'docker-apt-pin-versions',
  category: 'reliability',
  severity: 'WARNING',
  description: 'apt-get install must pin package versions',
  fix: 'pin each package, e.g. apt-get install curl=7.88.1-10+deb12u5',
  check: (doc) =>
    runCommands(doc).flatMap(({ ins, commands }) =>
      unpinnedOnce(
        ins,
        commands
          .filter((c) => c[0] === 'apt-get' && c.includes('install'))
          .flatMap((c) =>
            c
              .slice(c.indexOf('install') + 1)
              .filter((w) => !w.startsWith('-') && !w.includes('=') && !w.startsWith('$')),
          ),
      ),
    ),
});
