import { dockerRule } from '../dockerRule.js';

/**
 * Two stages with one name make `COPY --from` and `--target` ambiguous. (hadolint DL3024)
 * @see https://docs.docker.com/build/building/multi-stage/#name-your-build-stages
 */
export const dockerStageNameUnique = dockerRule({
  id: 'docker-stage-name-unique',
  category: 'reliability',
  severity: 'ERROR',
  description: 'Build stage names must be unique',
  fix: 'rename one of the stages',
  check: (doc) => {
    const seen = new Set<string>();
    return doc.stages.flatMap((s) => {
      if (!s.name) return [];
      if (seen.has(s.name)) return [{ message: `stage name "${s.name}" is used twice`, at: s.from }];
      seen.add(s.name);
      return [];
    });
  },
});
