import { createHash } from 'node:crypto';
import type { KubeObject } from '../store/kubeObject.js';
import { downwardValue } from './downwardApi.js';
import { type PodView, sourceData } from './podEnv.js';

type Json = Record<string, unknown>;

/** Where the kubelet mounts a pod's service-account token, CA bundle and namespace. */
export const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

/** The CA bundle a projected `kube-root-ca.crt` source gives (a fixed certificate of the simulated cluster). */
const CLUSTER_CA = `-----BEGIN CERTIFICATE-----
MIIBdzCCAR2gAwIBAgIBADAKBggqhkjOPQQDAjAVMRMwEQYDVQQDEwprdWJlcm5l
dGVzMB4XDTI2MDEwMTAwMDAwMFoXDTM2MDEwMTAwMDAwMFowFTETMBEGA1UEAxMK
a3ViZXJuZXRlczBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABHNpbXVsYXRlZCBj
bHVzdGVyIGNhIGZvciBvcHNwaWxvdCBrdWJlLXNpbQ==
-----END CERTIFICATE-----
`;

/**
 * What a volume holds: read-only files (ConfigMap, Secret, downward API, projected), a writable directory whose
 * content is the pod's writes (emptyDir and every other kind), or why the kubelet cannot set it up (its
 * `FailedMount` text after `MountVolume.SetUp failed for volume "x" : `).
 */
export type VolumeContent =
  | { kind: 'files'; files: Record<string, string> }
  | { kind: 'writable' }
  | { kind: 'error'; message: string };

const base64url = (v: string) => Buffer.from(v).toString('base64url');

/** A projected service-account token: a JWT with the claims the API server puts in one (signed by nobody). */
export function serviceAccountToken(pod: KubeObject, expirationSeconds = 3607, audience?: string): string {
  const namespace = pod.metadata.namespace ?? 'default';
  const account = String((pod.spec as Json | undefined)?.serviceAccountName ?? 'default');
  const iat = Math.floor(Date.parse(String(pod.metadata.creationTimestamp ?? 0)) / 1000) || 0;
  const claims = {
    aud: [audience ?? 'https://kubernetes.default.svc.cluster.local'],
    exp: iat + expirationSeconds,
    iat,
    iss: 'https://kubernetes.default.svc.cluster.local',
    'kubernetes.io': {
      namespace,
      node: { name: (pod.spec as Json | undefined)?.nodeName ?? '' },
      pod: { name: pod.metadata.name, uid: pod.metadata.uid },
      serviceaccount: { name: account },
    },
    nbf: iat,
    sub: `system:serviceaccount:${namespace}:${account}`,
  };
  const body = `${base64url(JSON.stringify({ alg: 'RS256', kid: 'kube-sim' }))}.${base64url(JSON.stringify(claims))}`;
  return `${body}.${createHash('sha256').update(body).digest('base64url')}`;
}

/** The files of the service-account mount: `token`, `ca.crt`, `namespace`. */
export function serviceAccountFiles(pod: KubeObject): Record<string, string> {
  return { token: serviceAccountToken(pod), 'ca.crt': CLUSTER_CA, namespace: pod.metadata.namespace ?? 'default' };
}

/** The files of a ConfigMap or Secret source (all keys, or its `items` at their paths); a string is an error. */
function keyedFiles(
  view: Pick<PodView, 'store' | 'registry'>,
  pod: KubeObject,
  kind: 'ConfigMap' | 'Secret',
  source: Json,
): Record<string, string> | string {
  const name = String((kind === 'Secret' ? (source.secretName ?? source.name) : source.name) ?? '');
  const data = sourceData(view, kind, pod.metadata.namespace ?? 'default', name);
  const optional = source.optional === true;
  if (!data) return optional ? {} : `${kind.toLowerCase()} "${name}" not found`;
  const items = Array.isArray(source.items) ? (source.items as Json[]) : undefined;
  if (!items) return { ...data };
  const files: Record<string, string> = {};
  for (const item of items) {
    const key = String(item.key ?? '');
    if (!(key in data)) {
      if (optional) continue;
      return kind === 'Secret'
        ? `references non-existent secret key: ${key}`
        : `configmap references non-existent config key: ${key}`;
    }
    files[String(item.path ?? key)] = data[key]!;
  }
  return files;
}

function downwardFiles(view: Pick<PodView, 'store' | 'registry'>, pod: KubeObject, source: Json) {
  const files: Record<string, string> = {};
  const containers = ((pod.spec as Json | undefined)?.containers as Json[] | undefined) ?? [];
  for (const item of Array.isArray(source.items) ? (source.items as Json[]) : []) {
    const value = downwardValue(view, pod, item, containers[0]);
    if (value !== undefined) files[String(item.path ?? '')] = value;
  }
  return files;
}

/** What a pod volume holds right now (see VolumeContent). */
export function volumeContent(view: Pick<PodView, 'store' | 'registry'>, pod: KubeObject, volume: Json): VolumeContent {
  const settle = (files: Record<string, string> | string): VolumeContent =>
    typeof files === 'string' ? { kind: 'error', message: files } : { kind: 'files', files };
  if (volume.configMap) return settle(keyedFiles(view, pod, 'ConfigMap', volume.configMap as Json));
  if (volume.secret) return settle(keyedFiles(view, pod, 'Secret', volume.secret as Json));
  if (volume.downwardAPI) return settle(downwardFiles(view, pod, volume.downwardAPI as Json));
  if (!volume.projected) return { kind: 'writable' };
  const files: Record<string, string> = {};
  for (const source of ((volume.projected as Json).sources as Json[] | undefined) ?? []) {
    let part: Record<string, string> | string = {};
    if (source.configMap) part = keyedFiles(view, pod, 'ConfigMap', source.configMap as Json);
    else if (source.secret) part = keyedFiles(view, pod, 'Secret', source.secret as Json);
    else if (source.downwardAPI) part = downwardFiles(view, pod, source.downwardAPI as Json);
    else if (source.serviceAccountToken) {
      const sat = source.serviceAccountToken as Json;
      const expiry = Number(sat.expirationSeconds ?? 3607);
      part = { [String(sat.path ?? 'token')]: serviceAccountToken(pod, expiry, sat.audience as string | undefined) };
    }
    if (typeof part === 'string') return { kind: 'error', message: part };
    Object.assign(files, part);
  }
  return { kind: 'files', files };
}

/**
 * The kubelet's `FailedMount` message for the first volume of a pod it cannot set up (a missing ConfigMap or Secret,
 * or a missing key in `items`, none of them optional), or undefined when every volume mounts.
 */
export function mountFailure(view: Pick<PodView, 'store' | 'registry'>, pod: KubeObject): string | undefined {
  for (const volume of ((pod.spec as Json | undefined)?.volumes as Json[] | undefined) ?? []) {
    const content = volumeContent(view, pod, volume);
    if (content.kind === 'error')
      return `MountVolume.SetUp failed for volume "${String(volume.name)}" : ${content.message}`;
  }
  return undefined;
}
