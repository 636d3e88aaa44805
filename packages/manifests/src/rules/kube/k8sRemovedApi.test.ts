import { describe, expect, it } from 'vitest';
import type { KubeObj } from '../../kube/kubeResource.js';
import { companions, healthyDeployment, obj, runKubeRule } from '../testing/kubeTesting.js';
import { k8sRemovedApi } from './k8sRemovedApi.js';

describe('k8sRemovedApi', () => {
  it('passes a healthy object', () => {
    expect(runKubeRule(k8sRemovedApi, [healthyDeployment(), ...companions()])).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const objs = [
      obj('apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata: { name: p }\nspec: {}'),
      obj('apiVersion: autoscaling/v2beta2\nkind: HorizontalPodAutoscaler\nmetadata: { name: h }\nspec: {}'),
    ];
    const second = runKubeRule(k8sRemovedApi, [objs[1] as KubeObj]);
    expect(second[0]?.message).toContain('use autoscaling/v2');
    const v = runKubeRule(k8sRemovedApi, objs);
    expect(v.map((x) => x.path)).toEqual(['apiVersion']);
    expect(v[0]?.message).toContain('1.25');
    expect(v[0]?.fix).toContain('Pod Security Admission');
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});
