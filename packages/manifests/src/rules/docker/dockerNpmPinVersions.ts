import { dockerRule, runCommands, unpinnedOnce } from '../dockerRule.js';

/**
 * `npm install -g pkg` installs the newest version at build time. (hadolint DL3016)
 * @see https://docs.npmjs.com/cli/commands/npm-install
 */
export const dockerNpmPinVersions = dockerRule({
  id: 'docker-npm-pin-versions',
  category: 'reliability',
  severity: 'WARNING',
  description: 'npm install of named packages must pin versions',
  fix: 'pin each package (npm install -g typescript@5.9.2) or rely on package-lock.json with npm ci',
  check: (doc) =>
    runCommands(doc).flatMap(({ ins, commands }) =>
      unpinnedOnce(
        ins,
        commands
          .filter((c) => c[0] === 'npm' && (c[1] === 'install' || c[1] === 'i' || c[1] === 'add'))
          .flatMap((c) =>
            c
              .slice(2)
              .filter((w) => !w.startsWith('-') && !/@[^/]+$|^\.|\/|^git|\.tgz$/.test(w.replace(/^@[^/]+\//, ''))),
          ),
      ),
    ),
});
