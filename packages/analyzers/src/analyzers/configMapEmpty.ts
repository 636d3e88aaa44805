import { defineAnalyzer, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { fieldEvidence, findingOf } from '../findingOf.js';
import { nameOf } from '../podHelpers.js';
import { indexSnapshot } from '../snapshotIndex.js';

const ID = 'configmap-empty';
const SYSTEM = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

function hasKeys(map: Record<string, string> | undefined): boolean {
  for (const _ in map ?? {}) return true;
  return false;
}

/**
 * ConfigMaps with neither `data` nor `binaryData` that some pod uses: the configuration it expects is missing
 * (a failed render, a wrong `--from-file` path), so it starts with defaults or fails on a missing key. Unused empty
 * ConfigMaps are left to `configmap-unused`.
 * @see https://kubernetes.io/docs/concepts/configuration/configmap/
 */
export const configMapEmpty = defineAnalyzer({
  id: ID,
  kinds: ['ConfigMap', 'Pod'],
  description: 'Empty ConfigMaps that pods use',
  analyze(snapshot) {
    const index = indexSnapshot(snapshot);
    const empty = index.of('ConfigMap').filter((cm) => {
      const { data, binaryData } = cm as { data?: Record<string, string>; binaryData?: Record<string, string> };
      return !SYSTEM.has(cm.metadata.namespace ?? '') && !hasKeys(data) && !hasKeys(binaryData);
    });
    // Empty ConfigMaps are rare: only then look at which pods use them.
    if (empty.length === 0) return [];
    const used = new Set<string>();
    for (const pod of index.of('Pod')) {
      const spec = (pod.spec ?? {}) as {
        volumes?: { configMap?: { name: string } }[];
        containers?: { envFrom?: { configMapRef?: { name: string } }[] }[];
      };
      for (const v of spec.volumes ?? []) if (v.configMap) used.add(`${pod.metadata.namespace}/${v.configMap.name}`);
      for (const c of spec.containers ?? [])
        for (const e of c.envFrom ?? [])
          if (e.configMapRef) used.add(`${pod.metadata.namespace}/${e.configMapRef.name}`);
    }
    const findings: Finding[] = [];
    for (const cm of empty) {
      const { data } = cm as { data?: Record<string, string> };
      if (!used.has(`${cm.metadata.namespace}/${cm.metadata.name}`)) continue;
      findings.push(
        findingOf({
          analyzer: ID,
          severity: 'MEDIUM',
          object: cm,
          message: `ConfigMap ${nameOf(cm)} is empty (no data, no binaryData) but pods mount or read it: they run without the configuration they expect`,
          evidence: [fieldEvidence(cm, 'data', data ?? null)],
          proposedFix: {
            description:
              'Fill it with the configuration the pods expect (check the manifest or the command that created it)',
            command: `kubectl create configmap ${cm.metadata.name} -n ${cm.metadata.namespace ?? 'default'} --from-file=<path> --dry-run=client -o yaml | kubectl apply -f -`,
          },
          docsUrl: DOCS.configMaps,
        }),
      );
    }
    return findings;
  },
});
