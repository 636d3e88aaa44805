import { defineAnalyzer, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { fieldEvidence, findingOf } from '../findingOf.js';
import { ageMs, latestEvents, nameOf, podEvents } from '../podHelpers.js';
import { indexSnapshot } from '../snapshotIndex.js';
import { missingStorageClass } from '../storageClasses.js';

const ID = 'pvc-pending';
const GRACE_MS = 2 * 60_000;

/**
 * PersistentVolumeClaims left Pending for more than two minutes (no volume bound or provisioned), with the
 * provisioner's `ProvisioningFailed` / `FailedBinding` events. A missing StorageClass is `pvc-storage-class-missing`'s.
 * Claims waiting for their first consumer (`WaitForFirstConsumer`) are not reported.
 * @see https://kubernetes.io/docs/concepts/storage/persistent-volumes/
 */
export const pvcPending = defineAnalyzer({
  id: ID,
  kinds: ['PersistentVolumeClaim', 'Event', 'StorageClass'],
  description: 'PersistentVolumeClaims that stay Pending',
  analyze(snapshot, ctx) {
    const index = indexSnapshot(snapshot);
    const findings: Finding[] = [];
    for (const pvc of index.of('PersistentVolumeClaim')) {
      const phase = (pvc.status as { phase?: string } | undefined)?.phase;
      if (phase !== 'Pending' || ageMs(pvc.metadata.creationTimestamp, ctx.now) < GRACE_MS) continue;
      if (missingStorageClass(index, pvc)) continue;
      const events = podEvents(index, pvc, [
        'ProvisioningFailed',
        'FailedBinding',
        'WaitForFirstConsumer',
        'ExternalProvisioning',
      ]);
      const last = events.at(-1);
      if (last?.reason === 'WaitForFirstConsumer') continue;
      findings.push(
        findingOf({
          analyzer: ID,
          severity: 'HIGH',
          object: pvc,
          message: `PersistentVolumeClaim ${nameOf(pvc)} is Pending${last?.message ? `: ${last.message}` : ': no volume was bound or provisioned'}`,
          evidence: [
            fieldEvidence(pvc, 'status.phase', phase),
            fieldEvidence(pvc, 'spec', pvc.spec ?? {}),
            ...latestEvents(events),
          ],
          proposedFix: {
            description: 'Check the provisioner of its StorageClass, or create a matching PersistentVolume',
            command: `kubectl describe pvc -n ${pvc.metadata.namespace ?? 'default'} ${pvc.metadata.name}`,
          },
          docsUrl: DOCS.persistentVolumes,
        }),
      );
    }
    return findings;
  },
});
