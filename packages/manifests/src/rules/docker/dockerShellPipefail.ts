import { dockerRule } from '../dockerRule.js';

/**
 * In `RUN curl ... | tar x`, a failing curl is hidden unless the shell runs with `-o pipefail`. (hadolint DL4006)
 * @see https://docs.docker.com/build/building/best-practices/#using-pipes
 */
export const dockerShellPipefail = dockerRule({
  id: 'docker-shell-pipefail',
  category: 'reliability',
  severity: 'WARNING',
  description: 'RUN with a pipe must run under set -o pipefail',
  fix: 'add SHELL ["/bin/bash", "-o", "pipefail", "-c"] before the RUN (or start it with set -o pipefail &&)',
  check: (doc) => {
    const pipefailFrom =
      doc.instructions.find((i) => i.keyword === 'SHELL' && i.text.includes('pipefail'))?.line ?? Infinity;
    return doc.instructions
      .filter((i) => i.keyword === 'RUN' && !i.json && i.line < pipefailFrom)
      .filter((i) => /[^|]\|[^|]/.test(i.text.replace(/'[^']*'|"[^"]*"/g, '')) && !i.text.includes('pipefail'))
      .map((i) => ({ message: 'RUN pipes without pipefail: a failure before the pipe is ignored', at: i }));
  },
});
