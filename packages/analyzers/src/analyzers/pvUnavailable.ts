import { defineAnalyzer, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { fieldEvidence, findingOf } from '../findingOf.js';
import { indexSnapshot } from '../snapshotIndex.js';

const ID = 'pv-unavailable';

/**
 * PersistentVolumes in phase Released (their claim was deleted; with reclaimPolicy Retain the data waits there and
 * no new claim can bind them until someone clears `claimRef`) or Failed (automatic reclamation failed).
 * @see https://kubernetes.io/docs/concepts/storage/persistent-volumes/#phase
 */
export const pvUnavailable = defineAnalyzer({
  id: ID,
  kinds: ['PersistentVolume'],
  description: 'PersistentVolumes Released or Failed',
  analyze(snapshot) {
    const findings: Finding[] = [];
    for (const pv of indexSnapshot(snapshot).of('PersistentVolume')) {
      const status = (pv.status ?? {}) as { phase?: string; message?: string; reason?: string };
      if (status.phase !== 'Released' && status.phase !== 'Failed') continue;
      const spec = (pv.spec ?? {}) as {
        persistentVolumeReclaimPolicy?: string;
        claimRef?: { namespace?: string; name?: string };
        capacity?: { storage?: string };
      };
      const claim = spec.claimRef ? `${spec.claimRef.namespace}/${spec.claimRef.name}` : 'its claim';
      const body = { spec: { claimRef: null } };
      findings.push(
        findingOf({
          analyzer: ID,
          severity: status.phase === 'Failed' ? 'HIGH' : 'LOW',
          object: pv,
          message:
            status.phase === 'Failed'
              ? `PersistentVolume ${pv.metadata.name} is Failed: reclaiming it after ${claim} was deleted failed${status.message ? ` (${status.message})` : ''}`
              : `PersistentVolume ${pv.metadata.name} (${spec.capacity?.storage ?? '?'}) is Released: ${claim} was deleted and with reclaimPolicy ${spec.persistentVolumeReclaimPolicy ?? 'Retain'} its data stays, but no claim can bind it`,
          evidence: [
            fieldEvidence(pv, 'status.phase', status.phase),
            fieldEvidence(pv, 'spec.claimRef', spec.claimRef ?? null),
          ],
          sensitive: [spec.claimRef?.name, spec.claimRef?.namespace],
          proposedFix:
            status.phase === 'Failed'
              ? {
                  description:
                    'Check the storage backend for why the volume could not be deleted or recycled, clean it there, then delete the PersistentVolume',
                  command: `kubectl describe pv ${pv.metadata.name}`,
                }
              : {
                  description:
                    'Back up or delete its data; to reuse the volume clear its claimRef (it becomes Available), or delete it if the data is not needed',
                  patch: { type: 'merge', body },
                  command: `kubectl patch pv ${pv.metadata.name} --type merge -p '${JSON.stringify(body)}'`,
                },
          docsUrl: DOCS.persistentVolumes,
        }),
      );
    }
    return findings;
  },
});
