import { defineAnalyzer, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { fieldEvidence, findingOf } from '../findingOf.js';
import { nameOf } from '../podHelpers.js';
import { indexSnapshot } from '../snapshotIndex.js';

const ID = 'pvc-lost';

/**
 * PersistentVolumeClaims in phase Lost: the volume they were bound to is gone, so pods using them cannot start and
 * their data is unreachable until the volume is restored.
 * @see https://kubernetes.io/docs/concepts/storage/persistent-volumes/
 */
export const pvcLost = defineAnalyzer({
  id: ID,
  kinds: ['PersistentVolumeClaim', 'PersistentVolume'],
  description: 'PersistentVolumeClaims whose volume is lost',
  analyze(snapshot) {
    const index = indexSnapshot(snapshot);
    const findings: Finding[] = [];
    for (const pvc of index.of('PersistentVolumeClaim')) {
      if ((pvc.status as { phase?: string } | undefined)?.phase !== 'Lost') continue;
      const volume = (pvc.spec as { volumeName?: string } | undefined)?.volumeName;
      const exists = volume ? index.get('PersistentVolume', undefined, volume) !== undefined : false;
      findings.push(
        findingOf({
          analyzer: ID,
          severity: 'CRITICAL',
          object: pvc,
          message: `PersistentVolumeClaim ${nameOf(pvc)} is Lost: its volume ${volume ?? '(none recorded)'} ${index.listed('PersistentVolume') && !exists ? 'no longer exists' : 'is no longer usable'}; pods using it cannot start`,
          evidence: [fieldEvidence(pvc, 'status.phase', 'Lost'), fieldEvidence(pvc, 'spec.volumeName', volume ?? null)],
          sensitive: [volume],
          proposedFix: {
            description: `Restore PersistentVolume ${volume ?? ''} (same name, from the backend or a backup) so the claim binds again, or recreate the claim and restore its data`,
            command: `kubectl describe pvc ${pvc.metadata.name} -n ${pvc.metadata.namespace ?? 'default'}`,
          },
          docsUrl: DOCS.persistentVolumes,
        }),
      );
    }
    return findings;
  },
});
