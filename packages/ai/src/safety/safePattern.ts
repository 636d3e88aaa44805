import { err, InputError, ok, type Result } from '@opspilot/core';
import { RE2JS, RE2JSException } from 're2js';

/**
 * Limits on patterns that come from users, models, plans or cluster data. Matching is linear in the text (RE2
 * semantics: no backtracking, so no lookaround and no backreferences), each line is scanned up to `maxLineLength`
 * characters, and {@link matchingLines} hands the event loop back after every `yieldEveryChars` characters scanned.
 */
export const SAFE_PATTERN_LIMITS = {
  /** Longest pattern accepted, in characters. */
  maxPatternLength: 512,
  /** Characters of one line that are scanned; the rest of a longer line is not looked at. */
  maxLineLength: 16_384,
  /** Characters scanned between two turns of the event loop. */
  yieldEveryChars: 262_144,
} as const;

/** A compiled pattern that matches in linear time. */
export interface SafePattern {
  /** The pattern as given. */
  readonly source: string;
  /** Whether the pattern occurs anywhere in the first {@link SAFE_PATTERN_LIMITS.maxLineLength} characters of `line`. */
  test(line: string): boolean;
}

const HINT =
  'use RE2 syntax (as in grep -E): alternatives a|b, classes [0-9], repeats * + ? {n,m}; ' +
  `no lookaround, no backreferences, at most ${SAFE_PATTERN_LIMITS.maxPatternLength} characters`;

/**
 * Compiles a pattern from an untrusted source (a plan's `logs` step `match`, model output, API or CLI input) with
 * RE2, whose matching time is linear in the input whatever the pattern: `^(.+)+X$` cannot pin a core. Returns an
 * InputError with a hint for a pattern that is too long or not valid RE2. Never use `new RegExp` on such input.
 * @example
 * const pattern = safePattern('error|timeout', { ignoreCase: true });
 * if (pattern.ok) lines.filter((l) => pattern.value.test(l));
 */
export function safePattern(source: string, options: { ignoreCase?: boolean } = {}): Result<SafePattern, InputError> {
  if (source.length > SAFE_PATTERN_LIMITS.maxPatternLength) {
    return err(
      new InputError(
        `the pattern is ${source.length} characters long; at most ${SAFE_PATTERN_LIMITS.maxPatternLength} are accepted`,
        { hint: HINT },
      ),
    );
  }
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(source, options.ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
  } catch (error) {
    if (!(error instanceof RE2JSException)) throw error;
    return err(
      new InputError(`invalid pattern ${JSON.stringify(source)}: ${error.message}`, { hint: HINT, cause: error }),
    );
  }
  return ok({
    source,
    test: (line) =>
      compiled.test(
        line.length > SAFE_PATTERN_LIMITS.maxLineLength ? line.slice(0, SAFE_PATTERN_LIMITS.maxLineLength) : line,
      ),
  });
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The non-empty lines of `text` that `pattern` matches (all of them without a pattern), scanned in slices so that a
 * long log never holds the event loop: after every {@link SAFE_PATTERN_LIMITS.yieldEveryChars} characters scanned the
 * scan waits for the next turn, and health checks and other requests are answered in between.
 */
export async function matchingLines(text: string, pattern: SafePattern | undefined): Promise<string[]> {
  const out: string[] = [];
  let scanned = 0;
  for (const line of text.split('\n')) {
    if (!line) continue;
    if (!pattern) {
      out.push(line);
      continue;
    }
    if (pattern.test(line)) out.push(line);
    scanned += Math.min(line.length, SAFE_PATTERN_LIMITS.maxLineLength);
    if (scanned >= SAFE_PATTERN_LIMITS.yieldEveryChars) {
      scanned = 0;
      await nextTurn();
    }
  }
  return out;
}
