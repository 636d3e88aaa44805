import { dockerRule, runCommands } from '../dockerRule.js';

/**
 * yum/dnf caches stay in the layer unless cleaned in the same RUN. (hadolint DL3032, DL3040)
 * @see https://docs.docker.com/build/building/best-practices/#run
 */
export const dockerYumClean = dockerRule({
  id: 'docker-yum-clean',
  category: 'efficiency',
  severity: 'INFO',
  description: 'RUN with yum/dnf/microdnf install must clean the package cache',
  fix: 'end the RUN with && yum clean all (dnf clean all)',
  check: (doc) =>
    runCommands(doc).flatMap(({ ins, commands }) => {
      const install = commands.some((c) => /^(yum|dnf|microdnf)$/.test(c[0] ?? '') && c.includes('install'));
      const clean = commands.some((c) => /^(yum|dnf|microdnf)$/.test(c[0] ?? '') && c.includes('clean'));
      return install && !clean ? [{ message: 'the package cache is left in the layer', at: ins }] : [];
    }),
});
