import { defineAnalyzer, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { fieldEvidence, findingOf } from '../findingOf.js';
import { nameOf } from '../podHelpers.js';
import { indexSnapshot } from '../snapshotIndex.js';
import { defaultStorageClass, missingStorageClass } from '../storageClasses.js';

const ID = 'pvc-storage-class-missing';

/**
 * PersistentVolumeClaims whose StorageClass does not exist (or that name none in a cluster without a default):
 * nothing will ever provision them, and the pods using them stay Pending. `storageClassName` is immutable, so the
 * fix recreates the claim with an existing class.
 * @see https://kubernetes.io/docs/concepts/storage/storage-classes/
 */
export const pvcStorageClassMissing = defineAnalyzer({
  id: ID,
  kinds: ['PersistentVolumeClaim', 'StorageClass'],
  description: 'PersistentVolumeClaims whose StorageClass does not exist',
  analyze(snapshot) {
    const index = indexSnapshot(snapshot);
    const findings: Finding[] = [];
    for (const pvc of index.of('PersistentVolumeClaim')) {
      if ((pvc.status as { phase?: string } | undefined)?.phase === 'Bound') continue;
      const problem = missingStorageClass(index, pvc);
      if (!problem) continue;
      const wanted = (pvc.spec as { storageClassName?: string }).storageClassName;
      const fallback = (defaultStorageClass(index) ?? index.of('StorageClass')[0])?.metadata.name;
      const ns = pvc.metadata.namespace ?? 'default';
      findings.push(
        findingOf({
          analyzer: ID,
          severity: 'HIGH',
          object: pvc,
          message: `PersistentVolumeClaim ${nameOf(pvc)} ${problem}, so it can never be provisioned`,
          evidence: [
            fieldEvidence(pvc, 'spec.storageClassName', wanted ?? 'unset'),
            {
              kind: 'field',
              source: 'storageclasses',
              detail:
                index
                  .of('StorageClass')
                  .map((s) => s.metadata.name)
                  .join(', ') || 'none',
            },
          ],
          proposedFix: fallback
            ? {
                description: `storageClassName cannot be changed on a claim: recreate it with the existing class ${fallback} (or create StorageClass ${wanted})`,
                command: `kubectl get pvc -n ${ns} ${pvc.metadata.name} -o json | sed 's/"storageClassName": *"[^"]*"/"storageClassName": "${fallback}"/' | kubectl replace --force -f -`,
              }
            : {
                description: 'Create a StorageClass (and mark it default), then recreate the claim',
                command: 'kubectl get storageclass',
              },
          docsUrl: DOCS.storageClasses,
        }),
      );
    }
    return findings;
  },
});
