import { dockerRule } from '../dockerRule.js';

/**
 * A relative WORKDIR depends on every earlier WORKDIR; absolute paths say where you are. (hadolint DL3000)
 * @see https://docs.docker.com/build/building/best-practices/#workdir
 */
export const dockerWorkdirAbsolute = dockerRule({
  id: 'docker-workdir-absolute',
  category: 'reliability',
  severity: 'WARNING',
  description: 'WORKDIR must be an absolute path',
  fix: 'use an absolute path, e.g. WORKDIR /app',
  check: (doc) =>
    doc.instructions
      .filter((i) => i.keyword === 'WORKDIR')
      .filter((i) => {
        const path = i.args[0] ?? '';
        return path !== '' && !path.startsWith('/') && !path.startsWith('$') && !/^[A-Za-z]:[\\/]/.test(path);
      })
      .map((i) => ({ message: `WORKDIR ${i.text} is relative`, at: i })),
});
