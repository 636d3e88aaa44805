import type { DescriptionField, DescriptionFields, ParsedDescription } from './descriptionFields.js';
import { DESCRIPTION_MATCHERS, FILLER_WORDS, type FieldSink, isDnsLabel } from './descriptionMatchers.js';
import { tokenize } from './tokenize.js';

/**
 * Reads a plain-English description such as `api image ghcr.io/acme/api:1.4 3 replicas port 8080 512Mi` into
 * {@link DescriptionFields}. Deterministic and offline: a fixed set of word patterns, tried in order at each
 * position. The first plain word that is a valid Kubernetes name is the name. Leading words naming the kind
 * (`leadingWords`, e.g. `deployment`) are skipped. Every word that matched nothing lands in `unparsed`, and a
 * setting given twice keeps the first value and reports the second: nothing is dropped silently.
 * @example
 * parseDescription('api image ghcr.io/acme/api:1.4 3 replicas').fields // { name: 'api', image: ..., replicas: 3 }
 */
export function parseDescription(description: string, leadingWords: readonly string[] = []): ParsedDescription {
  const tokens = tokenize(description);
  const fields: DescriptionFields = {};
  const sources: Partial<Record<DescriptionField, string>> = {};
  const unparsed: ParsedDescription['unparsed'] = [];
  const sink: FieldSink = {
    set(field, value, text) {
      if (field === 'env' && fields.env) {
        fields.env = { ...fields.env, ...(value as Record<string, string>) };
        sources.env = `${sources.env} ${text}`;
        return;
      }
      if (fields[field] !== undefined && sources[field] !== text) {
        unparsed.push({
          text,
          reason: `${field} is already set by "${sources[field]}"; give it once`,
        });
        return;
      }
      fields[field] = value;
      sources[field] = text;
    },
    has: (field) => fields[field] !== undefined,
  };

  let i = 0;
  while (i < tokens.length && ['a', 'an', 'the', ...leadingWords].includes(tokens[i]!.lower)) i += 1;
  while (i < tokens.length) {
    const token = tokens[i]!;
    let used = 0;
    for (const match of DESCRIPTION_MATCHERS) {
      used = match(tokens, i, sink);
      if (used > 0) break;
    }
    if (used === 0 && !fields.name && !token.quoted && isDnsLabel(token.text) && !FILLER_WORDS.has(token.lower)) {
      sink.set('name', token.text, token.text);
      used = 1;
    }
    if (used === 0 && FILLER_WORDS.has(token.lower) && !token.quoted) used = 1;
    if (used === 0) {
      unparsed.push({ text: token.quoted ? `"${token.text}"` : token.text, reason: 'not understood' });
      used = 1;
    }
    i += used;
  }
  return { fields, sources, unparsed };
}
