import { dockerRule } from '../dockerRule.js';

const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2|tar\.xz|txz)$/i;

/**
 * ADD also fetches URLs and unpacks archives; for plain local files COPY says what happens. (hadolint DL3020)
 * @see https://docs.docker.com/build/building/best-practices/#add-or-copy
 */
export const dockerCopyNotAdd = dockerRule({
  id: 'docker-copy-not-add',
  category: 'security',
  severity: 'WARNING',
  description: 'Use COPY instead of ADD for local files and folders',
  fix: 'replace ADD with COPY',
  check: (doc) =>
    doc.instructions
      .filter((i) => i.keyword === 'ADD')
      .filter((i) => {
        const sources = i.args.filter((a) => !a.startsWith('--')).slice(0, -1);
        return sources.some((s) => !/^(https?|git):\/\//.test(s) && !ARCHIVE.test(s) && !s.startsWith('git@'));
      })
      .map((i) => ({ message: `ADD copies local files: ${i.text}`, at: i })),
});
