import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJunit } from './parseJunit.js';

const nested = readFileSync(new URL('./__fixtures__/nested-suites.xml', import.meta.url), 'utf8');

describe('parseJunit', () => {
  it('reads nested suites with pass, failure, error and skipped cases', () => {
    const r = parseJunit(nested);
    if (!r.ok) throw r.error;
    expect(r.value).toMatchObject({ tests: 6, failures: 1, errors: 1, skipped: 1, duration_ms: 3430 });
    expect(r.value.cases.map((c) => [c.test_id, c.outcome])).toEqual([
      ['api/src/user.test.ts > UserService > creates a user', 'PASS'],
      ['api/src/user.test.ts > UserService > rejects a duplicate email', 'FAIL'],
      ['api/src/user.test.ts > UserService > sends a welcome mail', 'ERROR'],
      ['api/src/user.test.ts > UserService > imports LDAP users', 'SKIP'],
      ['api/src/user.test.ts > nested: admin > AdminService > lists users & roles', 'PASS'],
      ['web/src/App.test.tsx > App > renders', 'PASS'],
    ]);
    const failed = r.value.cases[1]!;
    expect(failed.message).toContain('AssertionError: expected 409, got 500');
    expect(failed.file).toBe('api/src/user.test.ts');
    expect(r.value.cases[2]!.message).toBe('Error: connect ECONNREFUSED 127.0.0.1:1025');
    expect(r.value.cases[3]!.message).toBe('LDAP not configured');
  });

  it('reads a single <testsuite> root (pytest)', () => {
    const r = parseJunit(
      '<testsuite name="pytest" tests="2"><testcase classname="tests.test_api" name="test_ok" time="0.01"/><testcase classname="tests.test_api" name="test_bad" time="0.02"><failure message="assert 1 == 2"/></testcase></testsuite>',
    );
    if (!r.ok) throw r.error;
    expect(r.value.cases.map((c) => c.test_id)).toEqual([
      'pytest > tests.test_api > test_ok',
      'pytest > tests.test_api > test_bad',
    ]);
    expect(r.value.failures).toBe(1);
  });

  it('says where XML is broken and refuses a document without suites', () => {
    const broken = parseJunit('<testsuites>\n<testsuite name="a">\n<testcase name="x">\n</testsuite></testsuites>');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.error.message).toMatch(/line \d+, column \d+/);
    const other = parseJunit('<html><body/></html>');
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.error.message).toContain('no <testsuites>');
  });
});
