import { dockerRule, runCommands } from '../dockerRule.js';

/**
 * `apt` is for people; its output and behaviour are not stable for scripts. (hadolint DL3027)
 * @see https://manpages.debian.org/bookworm/apt/apt.8.en.html#SCRIPT_USAGE_AND_DIFFERENCES_FROM_OTHER_APT_TOOLS
 */
export const dockerAptNotApt = dockerRule({
  id: 'docker-apt-get-not-apt',
  category: 'reliability',
  severity: 'WARNING',
  description: 'Use apt-get (or apt-cache), not apt, in RUN',
  fix: 'replace apt with apt-get',
  check: (doc) =>
    runCommands(doc).flatMap(({ ins, commands }) =>
      commands.some((c) => c[0] === 'apt')
        ? [{ message: 'RUN uses apt, whose CLI is not stable for scripts', at: ins }]
        : [],
    ),
});
