import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { podServiceAccountField } from './podServiceAccountField.js';

describe('podServiceAccountField', () => {
  it('passes serviceAccountName', () => {
    expect(runKubeRule(podServiceAccountField, [healthyDeployment(), ...companions()])).toEqual([]);
  });

  it('reports the deprecated serviceAccount field, and a disagreement with serviceAccountName', () => {
    const d = healthyDeployment();
    d.spec.template.spec.serviceAccount = 'web';
    delete d.spec.template.spec.serviceAccountName;
    const v = runKubeRule(podServiceAccountField, [d]);
    expect(v.map((x) => x.path)).toEqual(['spec.template.spec.serviceAccount']);
    d.spec.template.spec.serviceAccountName = 'api';
    expect(runKubeRule(podServiceAccountField, [d])[0]?.message).toContain('disagree');
  });
});
