import { defineAnalyzer, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { fieldEvidence, findingOf } from '../findingOf.js';
import { indexSnapshot } from '../snapshotIndex.js';

const ID = 'storageclass-multiple-defaults';
const DEFAULT = 'storageclass.kubernetes.io/is-default-class';
const BETA_DEFAULT = 'storageclass.beta.kubernetes.io/is-default-class';

/**
 * More than one StorageClass marked default: claims without a class get whichever the API server picks (the newest
 * since 1.26), so volumes land on a class nobody chose. Reported once, on the cluster's StorageClasses.
 * @see https://kubernetes.io/docs/tasks/administer-cluster/change-default-storage-class/
 */
export const storageClassMultipleDefaults = defineAnalyzer({
  id: ID,
  kinds: ['StorageClass'],
  description: 'More than one default StorageClass',
  analyze(snapshot) {
    const defaults = indexSnapshot(snapshot)
      .of('StorageClass')
      .filter((sc) => {
        const a = sc.metadata.annotations ?? {};
        return a[DEFAULT] === 'true' || a[BETA_DEFAULT] === 'true';
      })
      .sort((a, b) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? ''));
    if (defaults.length < 2) return [];
    const names = defaults.map((sc) => sc.metadata.name);
    const [keep, ...others] = defaults;
    const body = { metadata: { annotations: { [DEFAULT]: 'false' } } };
    const finding: Finding = findingOf({
      analyzer: ID,
      severity: 'MEDIUM',
      object: keep!,
      message: `${defaults.length} StorageClasses are marked default (${names.join(', ')}): claims without a storageClassName get the newest one, which may not be the one meant`,
      evidence: defaults.map((sc) => fieldEvidence(sc, `metadata.annotations["${DEFAULT}"]`, 'true')),
      proposedFix: {
        description: `Keep one default (${keep!.metadata.name}, the oldest) and unmark the others (${others.map((o) => o.metadata.name).join(', ')})`,
        patch: { type: 'merge', body },
        command: others
          .map((o) => `kubectl patch storageclass ${o.metadata.name} --type merge -p '${JSON.stringify(body)}'`)
          .join(' && '),
      },
      docsUrl: DOCS.storageClasses,
    });
    return [finding];
  },
});
