import { describe, expect, it } from 'vitest';
import { healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { secretEnvFromConfigMap } from './secretEnvFromConfigMap.js';

describe('secretEnvFromConfigMap', () => {
  it('passes env read from a Secret, and plain settings read from a ConfigMap', () => {
    const d = healthyDeployment();
    d.spec.template.spec.containers[0].env.push({
      name: 'LOG_FORMAT',
      valueFrom: { configMapKeyRef: { name: 'settings', key: 'log-format' } },
    });
    expect(runKubeRule(secretEnvFromConfigMap, [d])).toEqual([]);
  });

  it('reports a password read from a ConfigMap, by the variable or by the key', () => {
    const d = healthyDeployment();
    d.spec.template.spec.containers[0].env = [
      { name: 'DB_PASSWORD', valueFrom: { configMapKeyRef: { name: 'settings', key: 'db' } } },
      { name: 'REDIS_AUTH', valueFrom: { configMapKeyRef: { name: 'settings', key: 'redis-password' } } },
    ];
    expect(runKubeRule(secretEnvFromConfigMap, [d]).map((v) => v.path)).toEqual([
      'spec.template.spec.containers[0].env[0].valueFrom.configMapKeyRef',
      'spec.template.spec.containers[0].env[1].valueFrom.configMapKeyRef',
    ]);
  });
});
