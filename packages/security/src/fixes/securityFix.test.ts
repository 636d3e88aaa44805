import type { KubeObject } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { deployment } from '../__fixtures__/plantedObjects.js';
import { scanResources } from '../posture/scanResources.js';
import { liveResource } from '../posture/toResources.js';
import { securityFix } from './securityFix.js';

const findingsOf = (objects: KubeObject[]) =>
  scanResources(
    objects.map((o, i) => liveResource(o, 'cluster:t', i)),
    { target: 'cluster:t', startedAt: new Date(), id: 's' },
  ).findings;

describe('fix plans for security findings', () => {
  it('patches the pod spec field the check names, and the fixed object passes', () => {
    const d = deployment('open', 'web', (p) => {
      p.hostNetwork = true;
    });
    const [finding] = findingsOf([d]).filter((f) => f.check === 'pod-host-network');
    const fix = finding && securityFix(finding, d);
    expect(fix?.steps).toEqual([
      expect.objectContaining({
        op: 'apply',
        mode: 'patch',
        object: expect.objectContaining({ spec: { template: { spec: { hostNetwork: false } } } }),
      }),
    ]);
  });

  it('sets the container securityContext per container and adds a default-deny policy to an uncovered namespace', () => {
    const d = deployment('open', 'web', (p) => {
      (p.containers as { securityContext: Record<string, unknown> }[])[0]!.securityContext.privileged = true;
    });
    const findings = findingsOf([d]);
    const privileged = findings.find((f) => f.check === 'container-privileged');
    expect(privileged && securityFix(privileged, d)?.steps[0]).toMatchObject({
      object: {
        spec: { template: { spec: { containers: [{ name: 'app', securityContext: { privileged: false } }] } } },
      },
    });
    const coverage = findings.find((f) => f.check === 'network-policy-coverage');
    expect(coverage && securityFix(coverage, d)?.steps[0]).toMatchObject({
      op: 'apply',
      mode: 'create',
      object: { kind: 'NetworkPolicy', metadata: { namespace: 'open' }, spec: { podSelector: {} } },
    });
  });

  it('has no automatic fix for what needs a person (a literal secret)', () => {
    const d = deployment('open', 'web', (p) => {
      (p.containers as { env?: unknown }[])[0]!.env = [{ name: 'DB_PASSWORD', value: 'x' }];
    });
    const finding = findingsOf([d]).find((f) => f.check === 'secret-env-literal');
    expect(finding && securityFix(finding, d)).toBeUndefined();
  });
});
