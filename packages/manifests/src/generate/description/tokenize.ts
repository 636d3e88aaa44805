/** One word of a description with where it started, so problems can point at it. */
export interface Token {
  /** The text as written (quotes removed from a quoted phrase). */
  text: string;
  /** Lower-case text for matching keywords. */
  lower: string;
  /** True when the token was a "quoted phrase" (a command, a cron expression). */
  quoted: boolean;
}

const TOKEN = /"([^"]*)"|'([^']*)'|([^\s,;]+)/g;

/**
 * Splits a description into words: whitespace, commas and semicolons separate them, and a "double" or 'single'
 * quoted phrase stays one token (for commands and cron expressions).
 */
export function tokenize(description: string): Token[] {
  const tokens: Token[] = [];
  for (const match of description.matchAll(TOKEN)) {
    const quoted = match[1] !== undefined || match[2] !== undefined;
    const text = match[1] ?? match[2] ?? match[3] ?? '';
    tokens.push({ text, lower: text.toLowerCase(), quoted });
  }
  return tokens;
}
