import { dockerRule, runCommands } from '../dockerRule.js';

/**
 * pip's download cache is useless in an image layer. (hadolint DL3042)
 * @see https://pip.pypa.io/en/stable/topics/caching/
 */
export const dockerPipNoCacheDir = dockerRule({
  id: 'docker-pip-no-cache-dir',
  category: 'efficiency',
  severity: 'INFO',
  description: 'pip install must use --no-cache-dir',
  fix: 'add --no-cache-dir to pip install (or set ENV PIP_NO_CACHE_DIR=1)',
  check: (doc) => {
    if (/PIP_NO_CACHE_DIR/.test(doc.text)) return [];
    return runCommands(doc).flatMap(({ ins, commands }) =>
      commands.some((c) => /^pip3?$/.test(c[0] ?? '') && c.includes('install') && !c.includes('--no-cache-dir'))
        ? [{ message: 'pip install keeps its cache in the layer', at: ins }]
        : [],
    );
  },
});
