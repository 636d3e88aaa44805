import { dockerRule } from '../dockerRule.js';

/**
 * With several sources the destination must be a directory ending in `/`, or the build fails. (hadolint DL3021)
 * @see https://docs.docker.com/reference/dockerfile/#copy
 */
export const dockerCopyDestSlash = dockerRule({
  id: 'docker-copy-dest-slash',
  category: 'reliability',
  severity: 'ERROR',
  description: 'COPY and ADD with several sources must end the destination with /',
  fix: 'end the destination with "/"',
  check: (doc) =>
    doc.instructions
      .filter((i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && !i.json)
      .flatMap((i) => {
        const words = i.args.filter((a) => !a.startsWith('--'));
        const dest = words[words.length - 1] ?? '';
        return words.length > 2 && !dest.endsWith('/') && !dest.includes('$')
          ? [
              {
                message: `${i.keyword} copies ${words.length - 1} sources into ${dest}, which does not end with /`,
                at: i,
              },
            ]
          : [];
      }),
});
