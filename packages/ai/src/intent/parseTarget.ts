import type { TargetPhrase } from './intent.js';
import { type KnownKind, kindOfWord } from './kindWords.js';

const FILLER = new Set([
  'the',
  'my',
  'our',
  'a',
  'an',
  'this',
  'that',
  'its',
  'their',
  'app',
  'application',
  'workload',
  'called',
  'named',
]);

/**
 * Splits a phrase like `the backend deployment`, `deployment/backend`, `pod backend-7d9f` or `backend api` into a
 * kind (when one is named) and a name fragment (remaining words joined with `-`). Undefined when no name remains.
 */
export function parseTarget(phrase: string, namespace?: string): TargetPhrase | undefined {
  const slash = phrase.trim().match(/^([a-z]+)\/([a-z0-9][a-z0-9.-]*)$/i);
  if (slash?.[1] && slash[2]) {
    const kind = kindOfWord(slash[1]);
    if (kind) return withNamespace({ kind, name: slash[2].toLowerCase() }, namespace);
  }
  let kind: KnownKind | undefined;
  const words: string[] = [];
  for (const raw of phrase.trim().split(/\s+/)) {
    const word = raw.replace(/^['"`]|['"`,]$/g, '');
    if (!word) continue;
    const asKind = kindOfWord(word);
    if (asKind && !kind && /^[a-z]+$/i.test(word)) {
      kind = asKind;
      continue;
    }
    if (FILLER.has(word.toLowerCase())) continue;
    words.push(word.toLowerCase());
  }
  const name = words.join('-').replace(/[^a-z0-9.-]/g, '');
  if (!name) return undefined;
  return withNamespace(kind ? { kind, name } : { name }, namespace);
}

function withNamespace(target: TargetPhrase, namespace: string | undefined): TargetPhrase {
  return namespace ? { ...target, namespace } : target;
}
