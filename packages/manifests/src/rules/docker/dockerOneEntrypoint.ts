import { dockerRule } from '../dockerRule.js';

/**
 * Only the last ENTRYPOINT of a stage takes effect; earlier ones mislead the reader. (hadolint DL4004)
 * @see https://docs.docker.com/reference/dockerfile/#entrypoint
 */
export const dockerOneEntrypoint = dockerRule({
  id: 'docker-one-entrypoint',
  category: 'reliability',
  severity: 'ERROR',
  description: 'A stage must have at most one ENTRYPOINT',
  fix: 'keep only the ENTRYPOINT that should run',
  check: (doc) =>
    doc.stages.flatMap((s) => {
      const all = s.instructions.filter((i) => i.keyword === 'ENTRYPOINT');
      return all.slice(0, -1).map((i) => ({
        message: `stage ${s.index} has ${all.length} ENTRYPOINT instructions; this one is ignored`,
        at: i,
      }));
    }),
});
