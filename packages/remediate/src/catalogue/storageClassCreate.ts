import type { KubeObject } from '@opspilot/core';
import { defineRemediation, unchanged } from '../remediation.js';

const DEFAULT = 'storageclass.kubernetes.io/is-default-class';

/**
 * A claim Pending on a StorageClass that does not exist: create that class as a copy of the cluster's default class
 * (its provisioner, parameters, reclaim policy and binding mode) — the smallest change, since a claim's class cannot
 * be edited. Re-creating the claim with the default class is the alternative (it deletes the claim).
 * @see https://kubernetes.io/docs/concepts/storage/storage-classes/
 */
export const storageClassCreate = defineRemediation({
  id: 'storage:create-missing-class',
  title: 'Create the missing StorageClass like the default one',
  findingClasses: ['pvc-storage-class-missing', 'pvc-pending'],
  effect: 'write',
  async propose(finding, ctx) {
    if (finding.resource.kind !== 'PersistentVolumeClaim')
      return { none: `finding ${finding.id} is not about a claim` };
    const claim = await ctx.gateway.get(finding.resource);
    if (!claim) return { none: `claim ${finding.resource.name} no longer exists` };
    const name = (claim.spec as { storageClassName?: string } | undefined)?.storageClassName;
    if (!name) return { none: `claim ${claim.metadata.name} names no StorageClass` };
    const classes = await ctx.gateway.list('StorageClass');
    if (classes.some((c) => c.metadata.name === name)) {
      return { none: `StorageClass ${name} exists: the claim is Pending for another reason (see its events)` };
    }
    const template = classes.find((c) => c.metadata.annotations?.[DEFAULT] === 'true') ?? classes[0];
    if (!template) return { none: 'the cluster has no StorageClass to copy: install a provisioner first' };
    const copy = storageClassLike(template, name);
    return {
      candidates: [
        {
          remediation: 'storage:create-missing-class',
          finding_id: finding.id,
          finding_class: finding.analyzer,
          summary: `create StorageClass ${name} as a copy of ${template.metadata.name} (provisioner ${String((template as { provisioner?: string }).provisioner)})`,
          steps: [
            {
              op: 'apply',
              mode: 'create',
              object: copy,
              description: `create StorageClass ${name} like ${template.metadata.name}`,
            },
          ],
          evidence: [
            ...finding.evidence,
            {
              kind: 'field',
              source: `storageclass/${template.metadata.name}`,
              detail: `the cluster's default class; ${name} does not exist`,
            },
          ],
          effect: 'write',
          risk: [
            `claims asking for ${name} get volumes from ${String((template as { provisioner?: string }).provisioner)}`,
          ],
          preconditions: [
            {
              ref: { kind: 'StorageClass', name, apiVersion: 'storage.k8s.io/v1' },
              absent: true,
              description: `StorageClass ${name} still does not exist`,
            },
            unchanged(claim, `claim ${claim.metadata.name} still asks for ${name}`),
          ],
          alternatives: [
            `delete and re-create claim ${claim.metadata.name} with storageClassName ${template.metadata.name} (destructive: the claim is deleted)`,
          ],
          revision_diff: [`StorageClass ${name}: (absent) → copy of ${template.metadata.name}`],
          subject: { kind: 'PersistentVolumeClaim', name: claim.metadata.name, namespace: claim.metadata.namespace },
          rollback: [
            {
              op: 'delete',
              target: { kind: 'StorageClass', name, apiVersion: 'storage.k8s.io/v1' },
              description: `delete StorageClass ${name}`,
            },
          ],
          confidence: 0.75,
        },
      ],
    };
  },
});

function storageClassLike(template: KubeObject, name: string): KubeObject {
  const { provisioner, parameters, reclaimPolicy, volumeBindingMode, allowVolumeExpansion } = template as KubeObject &
    Record<string, unknown>;
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name, labels: { 'app.kubernetes.io/managed-by': 'opspilot' } },
    provisioner,
    ...(parameters ? { parameters } : {}),
    ...(reclaimPolicy ? { reclaimPolicy } : {}),
    ...(volumeBindingMode ? { volumeBindingMode } : {}),
    ...(allowVolumeExpansion !== undefined ? { allowVolumeExpansion } : {}),
  } as KubeObject;
}
