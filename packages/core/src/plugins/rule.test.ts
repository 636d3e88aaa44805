import { describe, expect, it } from 'vitest';
import { InputError } from '../errors/index.js';
import { defineRule, Violation } from './rule.js';

const noLatestTag = {
  id: 'no-latest-tag',
  appliesTo: ['Deployment'],
  category: 'reliability' as const,
  severity: 'WARNING' as const,
  description: 'Images must be pinned to a version',
  check: () => [],
};

describe('defineRule', () => {
  it('accepts a rule over kinds or over Dockerfiles', () => {
    expect(defineRule(noLatestTag)).toBe(noLatestTag);
    expect(defineRule({ ...noLatestTag, id: 'no-root-user', appliesTo: 'Dockerfile' }).appliesTo).toBe('Dockerfile');
  });

  it('refuses an empty kind list, an unknown category or severity', () => {
    expect(() => defineRule({ ...noLatestTag, appliesTo: [] })).toThrow(InputError);
    expect(() => defineRule({ ...noLatestTag, appliesTo: 'Helm' as 'Dockerfile' })).toThrow(InputError);
    expect(() => defineRule({ ...noLatestTag, category: 'style' as 'security' })).toThrow(/category/);
    expect(() => defineRule({ ...noLatestTag, severity: 'HIGH' as 'ERROR' })).toThrow(/severity/);
  });
});

describe('Violation', () => {
  it('is a validation result with an optional fix, positions 1-based', () => {
    const violation = { rule: 'no-latest-tag', severity: 'WARNING', message: 'nginx:latest', line: 12, fix: 'pin it' };
    expect(Violation.parse(violation)).toEqual(violation);
    expect(Violation.safeParse({ ...violation, line: 0 }).success).toBe(false);
  });
});
