import { InputError } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { validateFiles } from './validateFiles.js';

const meta = (name: string) => `metadata: { name: ${name}, namespace: ops }`;
/** One object per API version whose availability depends on the Kubernetes version. */
const MIXED = [
  `apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\n${meta('psp')}\nspec: { privileged: false, seLinux: { rule: RunAsAny }, runAsUser: { rule: MustRunAsNonRoot }, supplementalGroups: { rule: RunAsAny }, fsGroup: { rule: RunAsAny } }`,
  `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\n${meta('hpa')}\nspec: { scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }, minReplicas: 2, maxReplicas: 4 }`,
  `apiVersion: batch/v1beta1\nkind: CronJob\n${meta('cron')}\nspec: { schedule: "0 * * * *", jobTemplate: { spec: { template: { spec: { restartPolicy: Never, containers: [{ name: c, image: "busybox:1.36" }] } } } } }`,
  `apiVersion: flowcontrol.apiserver.k8s.io/v1\nkind: FlowSchema\nmetadata: { name: fs }\nspec: { priorityLevelConfiguration: { name: workload-low } }`,
].join('\n---\n');

/** The API findings (rule, severity, the resource) of validating MIXED for `kubeVersion`. */
async function apiFindings(kubeVersion?: string) {
  const report = await validateFiles([{ path: 'mixed.yaml', content: MIXED }], { kubeVersion });
  return report.findings
    .filter((f) => f.rule === 'k8s-api-unavailable' || f.rule === 'k8s-removed-api')
    .map((f) => `${f.rule} ${f.severity} ${f.resource}`)
    .sort();
}

describe('validateFiles with a Kubernetes version', () => {
  it('1.24 serves PSP and batch/v1beta1 (warned: removed in 1.25) and autoscaling/v2, not flowcontrol v1', async () => {
    expect(await apiFindings('1.24')).toEqual([
      'k8s-api-unavailable ERROR FlowSchema/fs',
      'k8s-removed-api WARNING CronJob/ops/cron',
      'k8s-removed-api WARNING PodSecurityPolicy/ops/psp',
    ]);
    const report = await validateFiles([{ path: 'mixed.yaml', content: MIXED }], { kubeVersion: 'v1.24.3' });
    const flow = report.findings.find((f) => f.rule === 'k8s-api-unavailable');
    expect(flow?.message).toBe(
      'flowcontrol.apiserver.k8s.io/v1 FlowSchema is served from Kubernetes 1.29; v1.24.3 does not serve it: use flowcontrol.apiserver.k8s.io/v1beta2',
    );
    expect(flow?.line).toBe(1 + MIXED.split('\n---\n').slice(0, 3).join('\n---\n').split('\n').length + 1);
  });

  it('1.22 refuses autoscaling/v2 (from 1.23) and names what it serves', async () => {
    expect(await apiFindings('1.22')).toContain('k8s-api-unavailable ERROR HorizontalPodAutoscaler/ops/hpa');
    const report = await validateFiles([{ path: 'mixed.yaml', content: MIXED }], { kubeVersion: '1.22' });
    expect(report.findings.find((f) => f.resource === 'HorizontalPodAutoscaler/ops/hpa')?.message).toContain(
      'use autoscaling/v2beta2',
    );
  });

  it('1.25 and the newest (no version) refuse what 1.25 removed', async () => {
    const removed = ['k8s-removed-api ERROR CronJob/ops/cron', 'k8s-removed-api ERROR PodSecurityPolicy/ops/psp'];
    expect(await apiFindings('1.25')).toEqual(['k8s-api-unavailable ERROR FlowSchema/fs', ...removed]);
    expect(await apiFindings(undefined)).toEqual(removed);
    expect(await apiFindings('1.32')).toEqual(removed);
  });

  it('refuses a version that is not one', async () => {
    await expect(validateFiles([{ path: 'a.yaml', content: 'a: 1' }], { kubeVersion: 'latest' })).rejects.toThrow(
      InputError,
    );
  });
});
