import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { selectorTemplateLabels } from './selectorTemplateLabels.js';

describe('selectorTemplateLabels', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(selectorTemplateLabels, [healthyDeployment(), ...companions()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const d = healthyDeployment();
    d.spec.template.metadata.labels.app = 'webx';
    const objs = [d];
    const v = runKubeRule(selectorTemplateLabels, objs);
    expect(v.map((x) => x.path)).toEqual(['spec.selector.matchLabels["app"]']);
    expect(v[0]?.message).toContain('webx');
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});
