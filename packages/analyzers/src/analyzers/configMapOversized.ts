import { defineAnalyzer, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { fieldEvidence, findingOf } from '../findingOf.js';
import { nameOf } from '../podHelpers.js';
import { indexSnapshot } from '../snapshotIndex.js';

const ID = 'configmap-oversized';
/** The API server refuses a ConfigMap over 1 MiB; warn from 90 % on. */
const LIMIT = 1024 * 1024;
const WARN = 0.9 * LIMIT;

function sizeOf(cm: { data?: Record<string, string>; binaryData?: Record<string, string> }): number {
  // A UTF-16 code unit is at most 3 UTF-8 bytes: most ConfigMaps are ruled out without encoding anything.
  let units = 0;
  for (const [k, v] of Object.entries(cm.data ?? {})) units += k.length + v.length;
  for (const [k, v] of Object.entries(cm.binaryData ?? {})) units += k.length + v.length;
  if (units * 3 < WARN) return units;
  let bytes = 0;
  for (const [k, v] of Object.entries(cm.data ?? {})) bytes += k.length + Buffer.byteLength(v, 'utf8');
  for (const [k, v] of Object.entries(cm.binaryData ?? {})) bytes += k.length + Math.floor((v.length * 3) / 4);
  return bytes;
}

/**
 * ConfigMaps near or over the 1 MiB the API server accepts: the next change of them fails, and large ConfigMaps
 * weigh on etcd and on every kubelet that mounts them.
 * @see https://kubernetes.io/docs/concepts/configuration/configmap/#motivation
 */
export const configMapOversized = defineAnalyzer({
  id: ID,
  kinds: ['ConfigMap'],
  description: 'ConfigMaps near or over the 1 MiB limit',
  analyze(snapshot) {
    const findings: Finding[] = [];
    for (const cm of indexSnapshot(snapshot).of('ConfigMap')) {
      const bytes = sizeOf(cm as Parameters<typeof sizeOf>[0]);
      if (bytes < WARN) continue;
      const kib = Math.round(bytes / 1024);
      findings.push(
        findingOf({
          analyzer: ID,
          severity: bytes >= LIMIT ? 'HIGH' : 'MEDIUM',
          object: cm,
          message: `ConfigMap ${nameOf(cm)} holds ${kib} KiB, ${bytes >= LIMIT ? 'over' : 'close to'} the 1024 KiB the API server accepts: its next update ${bytes >= LIMIT ? 'is' : 'may be'} refused`,
          evidence: [
            fieldEvidence(cm, 'data', `${kib} KiB in ${Object.keys((cm as { data?: object }).data ?? {}).length} keys`),
          ],
          proposedFix: {
            description:
              'Move large content out of the ConfigMap (a volume, an object store, an image layer) or split it into several ConfigMaps',
            command: `kubectl get configmap ${cm.metadata.name} -n ${cm.metadata.namespace ?? 'default'} -o json | jq '.data | map_values(length)'`,
          },
          docsUrl: DOCS.configMaps,
        }),
      );
    }
    return findings;
  },
});
