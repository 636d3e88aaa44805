import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';
import { isScalar, type ParseOptions, Schema } from 'yaml';

/** One document read by the fast path: its value and where its text starts in the file. */
export interface FastDoc {
  value: unknown;
  text: string;
  /** 0-based line of the file where `text` begins. */
  lineOffset: number;
  /** 1-based position of the document's first content line. */
  start: { line: number; column: number };
}

/**
 * Text the fast path leaves to the full parser, because js-yaml and `yaml` could read it differently or because
 * the full parser handles (and limits) it precisely: anchors, tags, directives, explicit `?` keys, collections or
 * null (`~`, `null`, empty) as mapping keys.
 */
const NEEDS_FULL_PARSER = [
  /(^|[\s[{,])[&!]|^%/m,
  /(^|[\s[{,])\?([\s,\]}]|$)/m,
  /[\]}][ ]*:/,
  /(^|[\s[{,])(~|[Nn]ull|NULL)?[ ]*:([\s,\]}]|$)/m,
  /^(---|\.\.\.)(?! |$)/m,
  /\\ *\n/,
  /(^|\s)[|>][+-]?[0-9]/m,
  /['"\]}]#/,
];
/**
 * Any character but a line feed and printable ones (tabs, carriage returns, byte order marks, control and
 * non-characters, lone surrogates, Unicode line separators): the two parsers do not agree on all of them.
 */
const UNUSUAL_CHARACTER = /[^\n\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\u{10000}-\u{10ffff}]/u;
/** The longest implicit key YAML allows; js-yaml does not enforce it. */
const MAX_IMPLICIT_KEY = 1024;
const MARKER = /^(---|\.\.\.)( .*)?$/;
/** Only spaces are white space in YAML (tabs are refused above): `String.trim` would also drop U+00A0 and others. */
const BLANK_OR_COMMENT = /^ *(#.*)?$/;

const PLAIN_TAGS = new Schema({ schema: 'core' }).tags.filter((t) => t.default === true && 'test' in t && t.test);
/** The first characters of every plain scalar that the core schema does not read as a string. */
const MAYBE_NOT_STRING = /^(?:$|[-+.~0-9nNtTfF])/;
const PLAIN_OPTIONS: ParseOptions = { intAsBigInt: false };

/** A plain scalar typed by the very resolvers of `yaml`'s core schema, so both paths give the same value. */
function resolvePlain(text: string): unknown {
  if (!MAYBE_NOT_STRING.test(text)) return text;
  const tag = PLAIN_TAGS.find((t) => 'test' in t && t.test?.test(text));
  if (!tag || !('resolve' in tag) || typeof tag.resolve !== 'function') return text;
  const value = (tag.resolve as (s: string, onError: () => void, o: ParseOptions) => unknown)(
    text,
    () => {
      throw new Error(`cannot resolve ${text}`);
    },
    PLAIN_OPTIONS,
  );
  return isScalar(value) ? value.value : value;
}

/** Failsafe structure, every plain scalar typed by {@link resolvePlain}. */
const FAST_SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: [new Type('tag:opspilot,2026:plain', { kind: 'scalar', resolve: () => true, construct: resolvePlain })],
});

function plainEnough(text: string, lines: string[]): boolean {
  if (NEEDS_FULL_PARSER.some((re) => re.test(text)) || UNUSUAL_CHARACTER.test(text)) return false;
  return lines.every((l) => l.length <= MAX_IMPLICIT_KEY || l.indexOf(':', MAX_IMPLICIT_KEY) < 0);
}

/**
 * Reads plain multi-document YAML (no anchors, aliases, tags or directives: nearly every Kubernetes manifest) with
 * js-yaml, about ten times faster than building a positioned document tree, typing plain scalars exactly as the
 * `yaml` core schema does. Returns undefined whenever the text is not of that plain kind or does not parse, so the
 * caller falls back to the full parser, which reports errors with their positions; positions of findings are
 * computed later, per document, only when needed.
 */
export function fastYamlDocs(text: string, maxDocuments: number): FastDoc[] | undefined {
  const lines = text.split('\n');
  if (!plainEnough(text, lines)) return undefined;
  const docs: FastDoc[] = [];
  let from = 0;
  const flush = (to: number): boolean => {
    const chunkLines = lines.slice(from, to);
    const first = chunkLines.findIndex((l) => !BLANK_OR_COMMENT.test(l));
    if (first >= 0) {
      // The line break before the next marker belongs to the document (`|+` keeps it).
      const chunk = to < lines.length ? `${chunkLines.join('\n')}\n` : chunkLines.join('\n');
      let value: unknown;
      try {
        value = load(chunk, { schema: FAST_SCHEMA, json: false });
      } catch {
        return false;
      }
      const line = chunkLines[first] ?? '';
      docs.push({
        value,
        text: chunk,
        lineOffset: from,
        start: { line: from + first + 1, column: (/^ */.exec(line)?.[0].length ?? 0) + 1 },
      });
    }
    return true;
  };
  for (let i = 0; i < lines.length; i++) {
    const m = MARKER.exec(lines[i] ?? '');
    if (!m) continue;
    if (m[2] !== undefined && !BLANK_OR_COMMENT.test(m[2])) return undefined;
    if (!flush(i)) return undefined;
    if (docs.length > maxDocuments) return undefined;
    from = i + 1;
  }
  if (!flush(lines.length) || docs.length > maxDocuments) return undefined;
  return docs;
}
