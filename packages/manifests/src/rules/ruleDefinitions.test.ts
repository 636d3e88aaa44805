import { defineRule, InputError } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { DOCKER_RULES } from './dockerRules.js';
import { kubeRule } from './kubeRule.js';
import { KUBE_RULES } from './kubeRules.js';

describe('built-in rule definitions', () => {
  it('every Kubernetes and Dockerfile rule passes core’s rule definition check (kubeRule and dockerRule skip it)', () => {
    for (const rule of KUBE_RULES) expect(defineRule(rule)).toBe(rule);
    for (const rule of DOCKER_RULES) expect(defineRule(rule)).toBe(rule);
    expect(new Set([...KUBE_RULES, ...DOCKER_RULES].map((r) => r.id)).size).toBe(
      KUBE_RULES.length + DOCKER_RULES.length,
    );
  });

  it('the check catches a malformed definition', () => {
    const bad = kubeRule({
      id: 'Bad Id',
      appliesTo: [],
      category: 'security',
      severity: 'ERROR',
      description: '',
      fix: 'x',
      check: () => [],
    });
    expect(() => defineRule(bad)).toThrow(InputError);
  });
});
