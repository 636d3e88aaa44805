import { describe, expect, it } from 'vitest';
import { healthyDeployment, type LooseObj, runKubeRule } from '../testing/kubeTesting.js';
import { podServiceAccountExists } from './podServiceAccountExists.js';

const account = (name: string, namespace?: string): LooseObj => ({
  apiVersion: 'v1',
  kind: 'ServiceAccount',
  metadata: namespace ? { name, namespace } : { name },
});

describe('podServiceAccountExists', () => {
  it('passes when the account is defined with the workload, or written without a namespace', () => {
    expect(runKubeRule(podServiceAccountExists, [healthyDeployment(), account('web', 'shop')])).toEqual([]);
    expect(runKubeRule(podServiceAccountExists, [healthyDeployment(), account('web')])).toEqual([]);
  });

  it('does not judge when the input defines no ServiceAccount for the namespace (created elsewhere)', () => {
    expect(runKubeRule(podServiceAccountExists, [healthyDeployment()])).toEqual([]);
    expect(runKubeRule(podServiceAccountExists, [healthyDeployment(), account('api', 'billing')])).toEqual([]);
  });

  it('passes the default account and pods without one', () => {
    const d = healthyDeployment();
    d.spec.template.spec.serviceAccountName = 'default';
    expect(runKubeRule(podServiceAccountExists, [d, account('other', 'shop')])).toEqual([]);
    delete d.spec.template.spec.serviceAccountName;
    expect(runKubeRule(podServiceAccountExists, [d, account('other', 'shop')])).toEqual([]);
  });

  it('reports an account the input does not define next to others of the namespace (a typo)', () => {
    const d = healthyDeployment();
    d.spec.template.spec.serviceAccountName = 'wbe';
    const v = runKubeRule(podServiceAccountExists, [d, account('web', 'shop')]);
    expect(v).toEqual([
      expect.objectContaining({
        rule: 'pod-service-account-exists',
        severity: 'WARNING',
        path: 'spec.template.spec.serviceAccountName',
        message: expect.stringContaining('"wbe"'),
      }),
    ]);
    // The same name in another namespace is not the pod's account.
    expect(runKubeRule(podServiceAccountExists, [d, account('web', 'shop'), account('wbe', 'billing')])).toHaveLength(
      1,
    );
  });

  it('reads the deprecated serviceAccount field, and judges a pod without a namespace by name', () => {
    const d = healthyDeployment();
    d.spec.template.spec.serviceAccountName = '';
    d.spec.template.spec.serviceAccount = 'worker';
    expect(runKubeRule(podServiceAccountExists, [d, account('web', 'shop')]).map((v) => v.path)).toEqual([
      'spec.template.spec.serviceAccount',
    ]);
    delete d.metadata.namespace;
    expect(runKubeRule(podServiceAccountExists, [d, account('worker', 'jobs')])).toEqual([]);
    expect(runKubeRule(podServiceAccountExists, [d, account('web', 'jobs')])).toHaveLength(1);
  });
});
