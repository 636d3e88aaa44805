import { dockerRule } from '../dockerRule.js';

/**
 * Only the last CMD of a stage takes effect; earlier ones mislead the reader. (hadolint DL4003)
 * @see https://docs.docker.com/reference/dockerfile/#cmd
 */
export const dockerOneCmd = dockerRule({
  id: 'docker-one-cmd',
  category: 'reliability',
  severity: 'WARNING',
  description: 'A stage must have at most one CMD',
  fix: 'keep only the CMD that should run',
  check: (doc) =>
    doc.stages.flatMap((s) => {
      const all = s.instructions.filter((i) => i.keyword === 'CMD');
      return all
        .slice(0, -1)
        .map((i) => ({ message: `stage ${s.index} has ${all.length} CMD instructions; this one is ignored`, at: i }));
    }),
});
