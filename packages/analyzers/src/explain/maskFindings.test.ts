import { type Finding, runAnalyzers } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { ctx, event, obj, snapshotOf } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { BUILTIN_ANALYZERS } from '../builtinAnalyzers.js';
import { maskFindings, unmask } from './maskFindings.js';

function brokenSnapshot() {
  const cluster = healthyCluster().remove('ConfigMap', 'web-config');
  const pod = cluster.find('Pod', 'web-5d8f7-abcde');
  (pod.status as Record<string, unknown>).containerStatuses = [
    {
      name: 'web',
      ready: false,
      state: { waiting: { reason: 'CrashLoopBackOff' } },
      lastState: { terminated: { exitCode: 1, message: 'dial tcp 10.96.12.7:5432: connection refused' } },
    },
  ];
  cluster.add(event(pod, 'Warning', 'FailedMount', 'MountVolume.SetUp failed: rpc timeout talking to fd00:10:244::7'));
  cluster.add(
    obj('v1', 'Service', 'orphan', 'shop', {
      labels: { 'acme.com/team': 'payments' },
      spec: { selector: { app: 'payments-api' } },
    }),
  );
  const snapshot = snapshotOf(
    cluster.objects,
    BUILTIN_ANALYZERS.flatMap((a) => a.kinds),
  );
  return { snapshot, findings: runAnalyzers([...BUILTIN_ANALYZERS], snapshot, ctx).findings };
}

describe('maskFindings', () => {
  it('replaces names, namespaces, labels and IP addresses with placeholders', () => {
    const { snapshot, findings } = brokenSnapshot();
    const { findings: masked } = maskFindings(findings, snapshot);
    const text = JSON.stringify(masked);
    for (const value of [
      'web-5d8f7-abcde',
      'shop',
      'web-config',
      'payments-api',
      '10.96.12.7',
      'fd00:10:244::7',
      'orphan',
    ]) {
      expect(text).not.toContain(value);
    }
    expect(text).toMatch(/<ns-\d+>/);
    expect(text).toMatch(/<ip-\d+>/);
    expect(masked.every((f) => !('sensitive' in f))).toBe(true);
  });

  it('round-trips: unmasking the masked findings gives the findings back', () => {
    const { snapshot, findings } = brokenSnapshot();
    const { findings: masked, masker } = maskFindings(findings, snapshot);
    const restored = unmask(masked, masker);
    expect(restored).toEqual(findings.map(({ sensitive: _s, ...rest }: Finding) => rest));
    expect(masker.unmask('Restart <name-1> in <ns-1>.')).toBe(
      `Restart ${masker.table.get('<name-1>')} in ${masker.table.get('<ns-1>')}.`,
    );
  });

  it('never re-masks inside a placeholder, even for objects named like one', () => {
    const { snapshot, findings } = brokenSnapshot();
    snapshot.objects.ConfigMap = [obj('v1', 'ConfigMap', 'name', 'shop'), obj('v1', 'ConfigMap', 'ns', 'shop')];
    const { findings: masked, masker } = maskFindings(findings, snapshot);
    expect(unmask(masked, masker)).toEqual(findings.map(({ sensitive: _s, ...rest }: Finding) => rest));
  });
});
