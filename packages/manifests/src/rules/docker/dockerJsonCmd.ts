import { dockerRule } from '../dockerRule.js';

/**
 * The shell form runs the command under `/bin/sh -c`, which does not forward SIGTERM: the container is killed
 * after the grace period instead of shutting down cleanly. (hadolint DL3025)
 * @see https://docs.docker.com/reference/dockerfile/#shell-and-exec-form
 */
export const dockerJsonCmd = dockerRule({
  id: 'docker-json-cmd',
  category: 'reliability',
  severity: 'WARNING',
  description: 'CMD and ENTRYPOINT must use the exec (JSON array) form',
  fix: 'write CMD ["executable", "arg"] instead of CMD executable arg',
  check: (doc) =>
    doc.instructions
      .filter((i) => (i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT') && !i.json && i.text !== '')
      .map((i) => ({ message: `${i.keyword} uses the shell form: ${i.text}`, at: i })),
});
