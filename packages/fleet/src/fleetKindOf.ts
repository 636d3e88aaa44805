import { InputError } from '@opspilot/core';
import { FLEET_KINDS } from './fleetKinds.js';

const SHORT_NAMES: Record<string, string> = {
  no: 'Node',
  ns: 'Namespace',
  po: 'Pod',
  deploy: 'Deployment',
  rs: 'ReplicaSet',
  sts: 'StatefulSet',
  ds: 'DaemonSet',
  cj: 'CronJob',
  svc: 'Service',
  ep: 'Endpoints',
  ing: 'Ingress',
  pvc: 'PersistentVolumeClaim',
  pv: 'PersistentVolume',
  sc: 'StorageClass',
  cm: 'ConfigMap',
  hpa: 'HorizontalPodAutoscaler',
  crd: 'CustomResourceDefinition',
  ev: 'Event',
};

function plural(kind: string): string {
  const lower = kind.toLowerCase();
  if (lower.endsWith('s')) return lower;
  if (lower.endsWith('y')) return `${lower.slice(0, -1)}ies`;
  return lower.endsWith('ss') ? `${lower}es` : `${lower}s`;
}

/**
 * The live-model kind a user named, as kubectl accepts it: the kind (`Pod`), its lowercase singular or plural
 * (`pod`, `pods`, `ingresses`) or its short name (`po`, `deploy`, `svc`). Anything else is an `InputError` listing
 * the kinds the fleet keeps.
 * @see https://kubernetes.io/docs/reference/kubectl/#resource-types
 */
export function fleetKindOf(text: string): string {
  const wanted = text.trim().toLowerCase();
  const found =
    SHORT_NAMES[wanted] ??
    FLEET_KINDS.find((k) => k.toLowerCase() === wanted || plural(k) === wanted || `${k.toLowerCase()}es` === wanted);
  if (found) return found;
  throw new InputError(`the fleet does not keep "${text}"`, {
    hint: `use one of: ${FLEET_KINDS.map(plural).join(', ')}`,
  });
}
