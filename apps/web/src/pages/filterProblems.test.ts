import { describe, expect, it } from 'vitest';
import { filterProblems } from './filterProblems.js';

const problem = (severity: string, name: string) => ({
  severity,
  root_cause: { analyzer: 'pod-crash-loop', message: `${name} restarts`, resource: { kind: 'Pod', name } },
});

describe('filterProblems', () => {
  const problems = [problem('CRITICAL', 'api'), problem('MEDIUM', 'web'), problem('INFO', 'cron')];

  it('keeps problems at or above the chosen severity', () => {
    expect(filterProblems(problems, 'MEDIUM', '').map((p) => p.root_cause.resource.name)).toEqual(['api', 'web']);
  });

  it('matches text in the resource, analyzer or message, ignoring case', () => {
    expect(filterProblems(problems, 'INFO', 'WEB')).toHaveLength(1);
    expect(filterProblems(problems, 'INFO', 'crash')).toHaveLength(3);
  });
});
