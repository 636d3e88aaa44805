import { dockerRule, runCommands } from '../dockerRule.js';

/**
 * sudo in a build adds a setuid binary and unpredictable TTY behaviour; run the step as root with USER instead.
 * (hadolint DL3004)
 * @see https://docs.docker.com/build/building/best-practices/#user
 */
export const dockerNoSudo = dockerRule({
  id: 'docker-no-sudo',
  category: 'security',
  severity: 'ERROR',
  description: 'RUN must not use sudo',
  fix: 'drop sudo; switch users with USER around the steps that need root',
  check: (doc) =>
    runCommands(doc).flatMap(({ ins, commands }) =>
      commands.some((c) => c[0] === 'sudo') ? [{ message: 'RUN uses sudo', at: ins }] : [],
    ),
});
