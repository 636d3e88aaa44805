import { dockerRule } from '../dockerRule.js';

/**
 * EXPOSE takes ports 1–65535 with an optional /tcp or /udp. (hadolint DL3011)
 * @see https://docs.docker.com/reference/dockerfile/#expose
 */
export const dockerExposeValidPort = dockerRule({
  id: 'docker-expose-valid-port',
  category: 'reliability',
  severity: 'ERROR',
  description: 'EXPOSE must name valid ports (1-65535, optionally /tcp or /udp)',
  fix: 'use a port between 1 and 65535, e.g. EXPOSE 8080/tcp',
  check: (doc) =>
    doc.instructions
      .filter((i) => i.keyword === 'EXPOSE')
      .flatMap((i) =>
        i.args
          .filter((a) => !a.startsWith('$'))
          .filter((a) => {
            const m = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/i.exec(a);
            if (!m) return true;
            return [m[1], m[2]].some((p) => p !== undefined && (Number(p) < 1 || Number(p) > 65535));
          })
          .map((a) => ({ message: `EXPOSE ${a} is not a valid port`, at: i })),
      ),
});
