import { dockerRule, runCommands } from '../dockerRule.js';

/**
 * The apt package lists stay in the layer unless removed in the same RUN. (hadolint DL3009)
 * @see https://docs.docker.com/build/building/best-practices/#apt-get
 */
export const dockerAptListsCleanup = dockerRule({
  id: 'docker-apt-lists-cleanup',
  category: 'efficiency',
  severity: 'INFO',
  description: 'RUN with apt-get install must remove /var/lib/apt/lists/*',
  fix: 'end the RUN with && rm -rf /var/lib/apt/lists/*',
  check: (doc) =>
    runCommands(doc).flatMap(({ ins, commands }) => {
      const installs = commands.some((c) => (c[0] === 'apt-get' || c[0] === 'apt') && c.includes('install'));
      const cleans = ins.text.includes('/var/lib/apt/lists');
      return installs && !cleans ? [{ message: 'the apt lists are left in the layer', at: ins }] : [];
    }),
});
