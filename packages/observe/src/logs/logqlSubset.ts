import { InputError } from '@opspilot/core';
import { RE2JS } from 're2js';

/** A label matcher of a stream selector: `=`, `!=`, `=~`, `!~`. */
export interface LabelMatcher {
  name: string;
  op: '=' | '!=' | '=~' | '!~';
  value: string;
}

/** A line filter: contains (`|=`), does not contain (`!=`), matches (`|~`), does not match (`!~`). */
export interface LineFilter {
  op: '|=' | '!=' | '|~' | '!~';
  value: string;
}

/** A parsed query of the {@link LOGQL_SUBSET}. */
export interface LogSelector {
  matchers: LabelMatcher[];
  filters: LineFilter[];
}

/** What opspilot understands of LogQL, for error messages and documentation. */
export const LOGQL_SUBSET =
  'a stream selector {label="value", ...} with =, !=, =~, !~ (labels: namespace, pod, container, app, node, ' +
  'cluster or any pod label), then line filters |= "text", != "text", |~ "regex", !~ "regex"';

const NAME = /[a-zA-Z_][a-zA-Z0-9_]*/y;
const SPACE = /\s*/y;

function unsupported(query: string, at: number, what: string): InputError {
  const near = query.slice(at, at + 20);
  return new InputError(`LogQL: ${what} at position ${at + 1}${near ? ` (near "${near}")` : ''}`, {
    hint: `opspilot supports ${LOGQL_SUBSET}; parsers (| json, | logfmt), label filters, formatting and metric queries need Loki`,
    details: { position: at + 1, supported: LOGQL_SUBSET },
  });
}

/** Compiles a user's regular expression with RE2 (linear time), or an InputError naming where it is. */
export function compileRegex(pattern: string, query: string, at: number): RE2JS {
  try {
    return RE2JS.compile(pattern);
  } catch (error) {
    throw unsupported(query, at, `invalid regular expression ${JSON.stringify(pattern)}: ${(error as Error).message}`);
  }
}

/**
 * Parses the documented LogQL subset: `{namespace="todo",app="backend"} |= "error" != "health" |~ "5\\d\\d"`.
 * Strings are double-quoted (with backslash escapes) or back-quoted (raw). Anything outside the subset is an
 * {@link InputError} naming the 1-based position and what is supported. Regexes are checked with RE2 and
 * fully anchored for label matchers, as in Loki.
 * @see https://grafana.com/docs/loki/latest/query/log_queries/
 */
export function parseLogql(query: string): LogSelector {
  let pos = 0;
  const skip = () => {
    SPACE.lastIndex = pos;
    SPACE.exec(query);
    pos = SPACE.lastIndex;
  };
  const expect = (token: string, what: string) => {
    skip();
    if (!query.startsWith(token, pos)) throw unsupported(query, pos, `expected ${what}`);
    pos += token.length;
  };
  const string = (): string => {
    skip();
    const quote = query[pos];
    if (quote === '`') {
      const end = query.indexOf('`', pos + 1);
      if (end < 0) throw unsupported(query, pos, 'unterminated `string`');
      const value = query.slice(pos + 1, end);
      pos = end + 1;
      return value;
    }
    if (quote !== '"') throw unsupported(query, pos, 'expected a "string" or `string`');
    const start = pos;
    let value = '';
    for (pos++; pos < query.length && query[pos] !== '"'; pos++) {
      if (query[pos] === '\\') {
        pos++;
        const escaped = query[pos];
        value += escaped === 'n' ? '\n' : escaped === 't' ? '\t' : (escaped ?? '');
      } else value += query[pos];
    }
    if (pos >= query.length) throw unsupported(query, start, 'unterminated "string"');
    pos++;
    return value;
  };

  const matchers: LabelMatcher[] = [];
  expect('{', 'a stream selector starting with {');
  skip();
  if (query[pos] === '}') throw unsupported(query, pos, 'a stream selector needs at least one label matcher');
  for (;;) {
    skip();
    NAME.lastIndex = pos;
    const name = NAME.exec(query)?.[0];
    if (!name) throw unsupported(query, pos, 'expected a label name');
    pos += name.length;
    skip();
    const op = (['=~', '!~', '!=', '='] as const).find((o) => query.startsWith(o, pos));
    if (!op) throw unsupported(query, pos, 'expected =, !=, =~ or !~');
    pos += op.length;
    skip();
    const at = pos;
    const value = string();
    if (op === '=~' || op === '!~') compileRegex(value, query, at);
    matchers.push({ name, op, value });
    skip();
    if (query[pos] === ',') {
      pos++;
      continue;
    }
    expect('}', ', or }');
    break;
  }
  if (
    !matchers.some(
      (m) => (m.op === '=' && m.value !== '') || (m.op === '=~' && !compileRegex(m.value, query, 0).matches('')),
    )
  ) {
    throw unsupported(query, 0, 'a stream selector needs at least one matcher that does not match the empty value');
  }

  const filters: LineFilter[] = [];
  for (skip(); pos < query.length; skip()) {
    const op = (['|=', '!=', '|~', '!~'] as const).find((o) => query.startsWith(o, pos));
    if (!op) {
      const what = query[pos] === '|' ? 'a pipeline stage other than a line filter' : 'unexpected text';
      throw unsupported(query, pos, what);
    }
    pos += op.length;
    skip();
    const at = pos;
    const value = string();
    if (op === '|~' || op === '!~') compileRegex(value, query, at);
    filters.push({ op, value });
  }
  return { matchers, filters };
}
