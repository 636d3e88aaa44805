import { dockerRule } from '../dockerRule.js';

/**
 * `COPY --from=name` must name an earlier stage (or an image with a tag); a typo silently pulls an image of
 * that name from a registry. (hadolint DL3022, DL3023)
 * @see https://docs.docker.com/build/building/multi-stage/#name-your-build-stages
 */
export const dockerCopyFromStage = dockerRule({
  id: 'docker-copy-from-stage',
  category: 'reliability',
  severity: 'WARNING',
  description: 'COPY --from must name an earlier build stage (not the current one)',
  fix: 'name the stage with FROM ... AS <name> and use that name (or a stage index)',
  check: (doc) =>
    doc.instructions
      .filter((i) => i.keyword === 'COPY' && i.flags.has('from'))
      .flatMap((i) => {
        const from = (i.flags.get('from') ?? '').toLowerCase();
        const earlier = doc.stages.slice(0, i.stage);
        if (/^\d+$/.test(from))
          return Number(from) < i.stage ? [] : [{ message: `stage ${from} is not an earlier stage`, at: i }];
        if (doc.stages[i.stage]?.name === from)
          return [{ message: `COPY --from=${from} copies from its own stage`, at: i }];
        if (earlier.some((s) => s.name === from) || /[:/@.]/.test(from) || from.includes('$')) return [];
        return [{ message: `--from=${from} names no earlier stage; an image of that name would be pulled`, at: i }];
      }),
});
