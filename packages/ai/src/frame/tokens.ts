/** One word of a request: its text as written, lower-cased, and its place in the request. */
export interface Token {
  /** As written (case kept, surrounding punctuation removed). */
  raw: string;
  /** Lower case. */
  lower: string;
  /** Index in the token list. */
  index: number;
  /** Offsets of `raw` in the text (end exclusive). */
  start: number;
  end: number;
}

/**
 * Splits a request into words on white space; punctuation around a word (`,`, `?`, quotes, brackets) is dropped, the
 * characters names, images and pairs are made of (`- . / : = @ %`) are kept inside it. A possessive `'s` is removed
 * (`backend's` → `backend`).
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    const piece = m[0];
    const lead = piece.match(/^[("'`[{<]+/)?.[0].length ?? 0;
    const raw = piece
      .slice(lead)
      .replace(/[)"'`\]}>,;!?]+$/, '')
      .replace(/[.:]+$/, '')
      .replace(/'s$/i, '');
    if (!raw) continue;
    const start = (m.index ?? 0) + lead;
    out.push({ raw, lower: raw.toLowerCase(), index: out.length, start, end: start + raw.length });
  }
  return out;
}

/** Indices of the tokens overlapping the character range [from, to). */
export function tokensIn(tokens: readonly Token[], from: number, to: number): number[] {
  return tokens.filter((t) => t.start < to && t.end > from).map((t) => t.index);
}

const SUFFIXES = ['ing', 'ed', 'es', 's'];

/** A crude stem for the action classifier: `restarting`/`restarted`/`restarts` → `restart`. */
export function stem(word: string): string {
  for (const suffix of SUFFIXES) {
    if (word.length > suffix.length + 3 && word.endsWith(suffix)) return word.slice(0, -suffix.length);
  }
  return word;
}
