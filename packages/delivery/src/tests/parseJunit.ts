import { err, InputError, ok, type Result, type TestCaseOutcome } from '@opspilot/core';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** One test case read from a JUnit XML report. */
export interface JunitCase {
  /** `<suite path> > <classname> > <name>` without repeats: stable across runs of the same test. */
  test_id: string;
  suite: string;
  class_name: string;
  name: string;
  file?: string;
  outcome: TestCaseOutcome;
  duration_ms: number;
  message?: string;
}

/** A parsed JUnit report: its cases in document order and totals counted from them. */
export interface JunitReport {
  cases: JunitCase[];
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  duration_ms: number;
}

type Node = Record<string, unknown>;

const ARRAYS = new Set(['testsuite', 'testcase', 'failure', 'error', 'skipped']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => ARRAYS.has(name),
});

const attr = (n: Node, name: string): string | undefined => {
  const v = n[`@_${name}`];
  return typeof v === 'string' && v.length > 0 ? v : undefined;
};

const seconds = (v: string | undefined): number => {
  const n = Number.parseFloat((v ?? '0').replace(/,/g, ''));
  return Number.isFinite(n) && n > 0 ? Math.round(n * 1000) : 0;
};

function messageOf(items: unknown): string | undefined {
  const first = Array.isArray(items) ? (items[0] as Node | string | undefined) : undefined;
  if (first === undefined) return undefined;
  if (typeof first === 'string') return first.slice(0, 4000) || undefined;
  const text = [attr(first, 'type'), attr(first, 'message'), typeof first['#text'] === 'string' ? first['#text'] : '']
    .filter(Boolean)
    .join(': ');
  return text.slice(0, 4000) || undefined;
}

function caseOf(tc: Node, suitePath: string[]): JunitCase {
  const name = attr(tc, 'name') ?? '(unnamed)';
  const className = attr(tc, 'classname') ?? '';
  const outcome: TestCaseOutcome = tc.error ? 'ERROR' : tc.failure ? 'FAIL' : tc.skipped ? 'SKIP' : 'PASS';
  const parts: string[] = [];
  for (const p of [...suitePath, className, name]) if (p && parts.at(-1) !== p) parts.push(p);
  const message = messageOf(tc.error ?? tc.failure ?? tc.skipped);
  const file = attr(tc, 'file');
  return {
    test_id: parts.join(' > ').slice(0, 2000),
    suite: suitePath.join(' > '),
    class_name: className,
    name,
    ...(file ? { file } : {}),
    outcome,
    duration_ms: seconds(attr(tc, 'time')),
    ...(message ? { message } : {}),
  };
}

function walk(suite: Node, path: string[], out: JunitCase[]): void {
  const name = attr(suite, 'name');
  const here = name ? [...path, name] : path;
  for (const tc of (suite.testcase as Node[] | undefined) ?? []) out.push(caseOf(tc, here));
  for (const child of (suite.testsuite as Node[] | undefined) ?? []) walk(child, here, out);
}

/**
 * Parses a JUnit XML report as JUnit, Surefire, pytest, Jest, Vitest and GitLab write it: a `<testsuites>` root or a
 * single `<testsuite>`, suites nested to any depth, `<testcase>` with `<failure>` (FAIL), `<error>` (ERROR) or
 * `<skipped>` (SKIP), durations in seconds. Totals are counted from the cases, not trusted from attributes. A
 * document that is not well-formed XML, or has no test suite, is an InputError naming line and column.
 * @see https://github.com/testmoapp/junitxml
 */
export function parseJunit(xml: string): Result<JunitReport, InputError> {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const e = valid.err;
    return err(
      new InputError(`the report is not well-formed XML: ${e.msg} (line ${e.line}, column ${e.col})`, {
        hint: 'pass the JUnit XML file your test runner wrote (e.g. vitest --reporter=junit, pytest --junitxml)',
      }),
    );
  }
  const doc = parser.parse(xml) as Node;
  const root = (doc.testsuites as Node | undefined) ?? (doc.testsuite ? { testsuite: doc.testsuite } : undefined);
  if (!root || typeof root !== 'object') {
    return err(
      new InputError('the XML has no <testsuites> or <testsuite> element', { hint: 'is this a JUnit report?' }),
    );
  }
  const cases: JunitCase[] = [];
  for (const s of (root.testsuite as Node[] | undefined) ?? []) walk(s, [], cases);
  const count = (o: TestCaseOutcome) => cases.filter((c) => c.outcome === o).length;
  return ok({
    cases,
    tests: cases.length,
    failures: count('FAIL'),
    errors: count('ERROR'),
    skipped: count('SKIP'),
    duration_ms: cases.reduce((s, c) => s + c.duration_ms, 0),
  });
}
