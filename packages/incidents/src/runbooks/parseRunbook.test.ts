import { describe, expect, it } from 'vitest';
import { parseRunbook } from './parseRunbook.js';
import { SHIPPED_RUNBOOKS } from './shippedRunbooks.js';

const base = (steps: string, params = 'parameters: { namespace: {}, workload: {} }') => `apiVersion: opspilot.dev/v1
kind: Runbook
metadata: { name: my-runbook }
${params}
steps:
${steps}`;

describe('parseRunbook', () => {
  it('accepts every shipped runbook and orders its steps', () => {
    for (const source of SHIPPED_RUNBOOKS) {
      const parsed = parseRunbook(source);
      expect(parsed, source.slice(0, 120)).toMatchObject({ ok: true });
    }
    const first = parseRunbook(SHIPPED_RUNBOOKS[0] as string);
    expect(first.ok && first.order).toEqual(['status', 'logs', 'roll-back', 'rolled-out']);
  });

  it('refuses an unknown action, naming its line', () => {
    const parsed = parseRunbook(
      base(`  - id: one
    type: action
    action: deployment:explode
    with: { namespace: x, workload: y }`),
    );
    expect(parsed).toMatchObject({ ok: false, problems: [{ line: 8, path: 'steps.0.action' }] });
    expect(!parsed.ok && parsed.problems[0]?.message).toMatch(
      /unknown action deployment:explode \(known: .*deployment:rollback/,
    );
  });

  it('refuses a missing parameter and a placeholder that is not a parameter, naming their lines', () => {
    const parsed = parseRunbook(
      base(`  - id: one
    type: action
    action: workload:scale
    with:
      namespace: "{{ namespace }}"
  - id: two
    type: check
    action: check:rollout-complete
    with:
      namespace: "{{ namespace }}"
      workload: "{{ deployment }}"`),
    );
    expect(parsed.ok).toBe(false);
    const problems = parsed.ok ? [] : parsed.problems;
    expect(problems).toContainEqual({
      line: 9,
      path: 'steps.0.with',
      message: 'workload:scale needs the input workload',
    });
    expect(problems).toContainEqual({
      line: 16,
      path: 'steps.1.with.workload',
      message: '{{ deployment }} is not a parameter of this runbook',
    });
  });

  it('refuses a cycle of after, naming the line', () => {
    const parsed = parseRunbook(
      base(`  - id: a
    type: wait
    seconds: 5
    after: [b]
  - id: b
    type: wait
    seconds: 5
    after: [a]`),
    );
    expect(parsed).toMatchObject({
      ok: false,
      problems: [{ line: 9, message: 'steps a → b → a wait for each other (a cycle)' }],
    });
  });

  it('refuses schema errors and bad YAML with their lines', () => {
    const wrongType = parseRunbook(base(`  - id: a\n    type: wait\n    seconds: forever`));
    expect(wrongType).toMatchObject({ ok: false, problems: [{ line: 8, path: 'steps.0.seconds' }] });
    const misuse = parseRunbook(
      base(`  - id: a\n    type: action\n    action: kube:logs\n    with: { namespace: x, workload: y }`),
    );
    expect(misuse).toMatchObject({
      ok: false,
      problems: [{ message: 'kube:logs is a diagnostic and cannot be used in a step of type action' }],
    });
    const yaml = parseRunbook('kind: Runbook\nsteps: [\n');
    expect(yaml.ok).toBe(false);
  });
});
