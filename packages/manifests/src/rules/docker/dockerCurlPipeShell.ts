import { dockerRule } from '../dockerRule.js';

/**
 * Piping a download into a shell runs whatever the server sends today, unverified.
 * @see https://docs.docker.com/build/building/best-practices/#add-or-copy
 */
export const dockerCurlPipeShell = dockerRule({
  id: 'docker-curl-pipe-shell',
  category: 'security',
  severity: 'WARNING',
  description: 'RUN must not pipe a download straight into a shell',
  fix: 'download to a file, verify its checksum (sha256sum -c), then run it',
  check: (doc) =>
    doc.instructions
      .filter((i) => i.keyword === 'RUN' && /\b(curl|wget)\b[^|]*\|\s*(sudo\s+)?(ba|z|da)?sh\b/.test(i.text))
      .map((i) => ({ message: 'RUN pipes a download into a shell', at: i })),
});
