import { InputError } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { compileLogMatcher, kubeSelectorOf } from './logMatcher.js';
import { parseLogql } from './logqlSubset.js';

describe('the LogQL subset', () => {
  it('parses a stream selector and line filters', () => {
    const query =
      '{namespace="todo",app="backend", pod=~"backend-.*", tier!="cache"} |= "error" != `health` |~ "5\\\\d\\\\d" !~ "debug"';
    expect(parseLogql(query)).toEqual({
      matchers: [
        { name: 'namespace', op: '=', value: 'todo' },
        { name: 'app', op: '=', value: 'backend' },
        { name: 'pod', op: '=~', value: 'backend-.*' },
        { name: 'tier', op: '!=', value: 'cache' },
      ],
      filters: [
        { op: '|=', value: 'error' },
        { op: '!=', value: 'health' },
        { op: '|~', value: '5\\d\\d' },
        { op: '!~', value: 'debug' },
      ],
    });
  });

  it('matches streams (anchored regexes, missing labels empty) and lines', () => {
    const m = compileLogMatcher(
      parseLogql('{app="backend", pod=~"backend-.*", zone!~"eu.*"} |= "error" !~ "health|ready"'),
    );
    expect(m.stream({ app: 'backend', pod: 'backend-1' })).toBe(true);
    expect(m.stream({ app: 'backend', pod: 'x-backend-1' })).toBe(false);
    expect(m.stream({ app: 'backend', pod: 'backend-1', zone: 'eu-west' })).toBe(false);
    expect(m.line('ERROR 500 error here')).toBe(true);
    expect(m.line('error in health check')).toBe(false);
    expect(m.line('all good')).toBe(false);
  });

  it('hands the namespace and equality labels to the Kubernetes API', () => {
    const selector = parseLogql('{namespace="todo", app="backend", tier!="cache", pod=~"b.*", container="api"}');
    expect(kubeSelectorOf(selector)).toEqual({ namespace: 'todo', labelSelector: 'app=backend,tier!=cache' });
  });

  it.each([
    ['rate({app="x"}[5m])', 1, 'stream selector'],
    ['{app="x"} | json', 11, 'pipeline stage'],
    ['{app="x"} | logfmt | level="error"', 11, 'pipeline stage'],
    ['{app="x"', 9, ', or }'],
    ['{app=x}', 6, 'string'],
    ['{}', 2, 'at least one label matcher'],
    ['{app=~".*"}', 1, 'does not match the empty value'],
    ['{app="x"} |~ "(unclosed"', 14, 'invalid regular expression'],
    ['{app="x"} |= "open', 14, 'unterminated'],
    ['{app="x"} sum', 11, 'unexpected text'],
  ])('refuses %s naming position %d and what is supported', (query, position, what) => {
    let error: unknown;
    try {
      parseLogql(query);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toContain(`position ${position}`);
    expect((error as InputError).message).toContain(what);
    expect((error as InputError).hint).toContain('|~ "regex"');
  });
});
