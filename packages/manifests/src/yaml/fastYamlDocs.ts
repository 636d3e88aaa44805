import { CORE_SCHEMA, load } from 'js-yaml';

/** One document read by the fast path: its value and where its text starts in the file. */
export interface FastDoc {
  value: unknown;
  text: string;
  /** 0-based line of the file where `text` begins. */
  lineOffset: number;
  /** 1-based position of the document's first content line. */
  start: { line: number; column: number };
}

/** Anchors, tags and directives take the full parser, which handles (and limits) them precisely. */
const NEEDS_FULL_PARSER = /(^|[\s[{,])[&!]|^%/m;
const MARKER = /^(---|\.\.\.)(\s.*)?$/;

/**
 * Reads plain multi-document YAML (no anchors, aliases, tags or directives: nearly every Kubernetes manifest) with
 * js-yaml, about ten times faster than building a positioned document tree. Returns undefined whenever the text
 * is not of that plain kind or does not parse, so the caller falls back to the full parser, which reports errors
 * with their positions; positions of findings are computed later, per document, only when needed.
 */
export function fastYamlDocs(text: string, maxDocuments: number): FastDoc[] | undefined {
  if (NEEDS_FULL_PARSER.test(text)) return undefined;
  const lines = text.split('\n');
  const docs: FastDoc[] = [];
  let from = 0;
  const flush = (to: number): boolean => {
    const chunkLines = lines.slice(from, to);
    const first = chunkLines.findIndex((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
    if (first >= 0) {
      const chunk = chunkLines.join('\n');
      let value: unknown;
      try {
        value = load(chunk, { schema: CORE_SCHEMA, json: false });
      } catch {
        return false;
      }
      const line = chunkLines[first] ?? '';
      docs.push({
        value,
        text: chunk,
        lineOffset: from,
        start: { line: from + first + 1, column: line.length - line.trimStart().length + 1 },
      });
    }
    return true;
  };
  for (let i = 0; i < lines.length; i++) {
    const m = MARKER.exec(lines[i] ?? '');
    if (!m) continue;
    if (m[2] !== undefined && m[2].trim() !== '' && !m[2].trim().startsWith('#')) return undefined;
    if (!flush(i)) return undefined;
    if (docs.length > maxDocuments) return undefined;
    from = i + 1;
  }
  if (!flush(lines.length) || docs.length > maxDocuments) return undefined;
  return docs;
}
