import { dockerRule, runCommands } from '../dockerRule.js';

/**
 * `apk add --no-cache` fetches the index without keeping it in the layer. (hadolint DL3019)
 * @see https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper
 */
export const dockerApkNoCache = dockerRule({
  id: 'docker-apk-no-cache',
  category: 'efficiency',
  severity: 'INFO',
  description: 'apk add must use --no-cache',
  fix: 'use apk add --no-cache (and drop apk update)',
  check: (doc) =>
    runCommands(doc).flatMap(({ ins, commands }) =>
      commands.some((c) => c[0] === 'apk' && c.includes('add') && !c.includes('--no-cache'))
        ? [{ message: 'apk add keeps its cache in the layer', at: ins }]
        : [],
    ),
});
