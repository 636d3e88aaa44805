import { dockerRule, runCommands, unpinnedOnce } from '../dockerRule.js';

/**
 * `pip install flask` installs whatever is newest at build time. (hadolint DL3013)
 * @see https://pip.pypa.io/en/stable/topics/repeatable-installs/
 */
export const dockerPipPinVersions = dockerRule({
  id: 'docker-pip-pin-versions',
  category: 'reliability',
  severity: 'WARNING',
  description: 'pip install must pin package versions (or install from a requirements file)',
  fix: 'pin each package (flask==3.0.2) or use pip install -r requirements.txt with pinned versions',
  check: (doc) =>
    runCommands(doc).flatMap(({ ins, commands }) =>
      unpinnedOnce(
        ins,
        commands
          .filter(
            (c) =>
              /^pip3?$/.test(c[0] ?? '') || (c[0]?.startsWith('python') && c[1] === '-m' && /^pip3?$/.test(c[2] ?? '')),
          )
          .filter((c) => c.includes('install') && !c.includes('-r') && !c.includes('--requirement'))
          .flatMap((c) =>
            c.slice(c.indexOf('install') + 1).filter((w) => !w.startsWith('-') && !/[=<>~@]|^\.|\//.test(w)),
          ),
      ),
    ),
});
