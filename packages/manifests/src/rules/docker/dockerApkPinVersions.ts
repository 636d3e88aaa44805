import { dockerRule, runCommands, unpinnedOnce } from '../dockerRule.js';

/**
 * Unpinned packages install whatever version is current at build time: builds stop being repeatable. Reported once per RUN, naming every unpinned package, as hadolint does. (hadolint DL3018)
 * @see https://docs.docker.com/build/building/best-practices/#apt-get
 */
export const dockerApkPinVersions = dockerRule({
  id: 'docker-apk-pin-versions',
  category: 'reliability',
  severity: 'WARNING',
  description: 'apk add must pin package versions',
  fix: 'pin each package, e.g. apk add curl=8.5.0-r0',
  check: (doc) =>
    runCommands(doc).flatMap(({ ins, commands }) =>
      unpinnedOnce(
        ins,
        commands
          .filter((c) => c[0] === 'apk' && c.includes('add'))
          .flatMap((c) =>
            c.slice(c.indexOf('add') + 1).filter((w) => !w.startsWith('-') && !w.includes('=') && !w.startsWith('$')),
          ),
      ),
    ),
});
