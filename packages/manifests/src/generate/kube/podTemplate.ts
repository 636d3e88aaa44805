import type { WorkloadSpec } from './manifestSpecs.js';
import { selectorLabels, standardLabels } from './objectMeta.js';
import { envEntry } from './secretEnv.js';

/** The user and group id generated images run as; Dockerfiles from opspilot create this user. */
export const NON_ROOT_UID = 10001;

/**
 * The container security context of every generated workload: no privilege escalation, read-only root file
 * system, all capabilities dropped, non-root, RuntimeDefault seccomp (the "restricted" Pod Security Standard).
 * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
 */
export function containerSecurityContext(): Record<string, unknown> {
  return {
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    runAsNonRoot: true,
    runAsUser: NON_ROOT_UID,
    runAsGroup: NON_ROOT_UID,
    capabilities: { drop: ['ALL'] },
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

/** The pod security context matching {@link containerSecurityContext}. */
export function podSecurityContext(): Record<string, unknown> {
  return {
    runAsNonRoot: true,
    runAsUser: NON_ROOT_UID,
    runAsGroup: NON_ROOT_UID,
    fsGroup: NON_ROOT_UID,
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

function volumeName(path: string, i: number): string {
  const name =
    path
      .split('/')
      .filter(Boolean)
      .pop()
      ?.replace(/[^a-z0-9-]/g, '') ?? '';
  return i === 0 && name === 'tmp' ? 'tmp' : `writable-${i}`;
}

function probe(spec: WorkloadSpec, kind: 'readiness' | 'liveness'): Record<string, unknown> | undefined {
  if (spec.port === undefined) return undefined;
  const action = spec.healthPath
    ? { httpGet: { path: spec.healthPath, port: 'http' } }
    : { tcpSocket: { port: 'http' } };
  return kind === 'readiness'
    ? { ...action, initialDelaySeconds: 5, periodSeconds: 10, timeoutSeconds: 2, failureThreshold: 3 }
    : { ...action, initialDelaySeconds: 15, periodSeconds: 20, timeoutSeconds: 2, failureThreshold: 3 };
}

/**
 * Requests and limits: the CPU given is both the request and the limit (default 100m request, 500m limit); the
 * memory given is both (default 256Mi), so a pod is never OOM-killed for using what it asked for.
 * @see https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
 */
export function resourcesOf(spec: Pick<WorkloadSpec, 'cpu' | 'memory'>, cpuGiven: boolean): Record<string, unknown> {
  return {
    requests: { cpu: spec.cpu, memory: spec.memory },
    limits: { cpu: cpuGiven ? spec.cpu : '500m', memory: spec.memory },
  };
}

/** How {@link podTemplate} shapes the pod beyond the spec. */
export interface PodTemplateOptions {
  /** True when the description gave a CPU amount (it becomes the limit too). */
  cpuGiven: boolean;
  restartPolicy?: 'Always' | 'OnFailure' | 'Never';
  /** False for jobs: no readiness or liveness probes. */
  probes?: boolean;
  /** Whole ConfigMaps/Secrets as environment (`[{ configMapRef: { name } }]`). */
  envFrom?: Record<string, unknown>[];
  /** Folders the app writes to, each an emptyDir of at most {@link WRITABLE_SIZE_LIMIT} (default `/tmp`). */
  writablePaths?: string[];
  /** True for several replicas: spread them over nodes (topology spread on the host name). */
  spread?: boolean;
  /** Service account to run as (with its token still not mounted). */
  serviceAccountName?: string;
}

/** Size limit of each writable emptyDir, so a runaway temp file cannot fill the node's disk. */
export const WRITABLE_SIZE_LIMIT = '256Mi';

/**
 * Spreads the pods of `name` over nodes when it can (ScheduleAnyway: never blocks scheduling).
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/topology-spread-constraints/
 */
export function topologySpread(name: string): Record<string, unknown>[] {
  return [
    {
      maxSkew: 1,
      topologyKey: 'kubernetes.io/hostname',
      whenUnsatisfiable: 'ScheduleAnyway',
      labelSelector: { matchLabels: selectorLabels(name) },
    },
  ];
}

/**
 * The pod template of a workload: standard labels, one container with the image, port, environment, resources,
 * probes unless `probes: false` (HTTP on the health path when known, else TCP on the port) and the restricted security context, a
 * writable `/tmp` (the root file system is read-only) and no service-account token.
 */
export function podTemplate(spec: WorkloadSpec, options: PodTemplateOptions): Record<string, unknown> {
  const writable = options.writablePaths ?? ['/tmp'];
  const container: Record<string, unknown> = {
    name: spec.name,
    image: spec.image,
    imagePullPolicy: 'IfNotPresent',
    ...(spec.command ? { command: spec.command } : {}),
    ...(spec.port !== undefined ? { ports: [{ name: 'http', containerPort: spec.port, protocol: 'TCP' }] } : {}),
    ...(options.envFrom?.length ? { envFrom: options.envFrom } : {}),
    ...(Object.keys(spec.env).length > 0
      ? { env: Object.entries(spec.env).map(([name, value]) => envEntry(spec.name, name, value)) }
      : {}),
    resources: resourcesOf(spec, options.cpuGiven),
    ...(options.probes !== false && probe(spec, 'readiness') ? { readinessProbe: probe(spec, 'readiness') } : {}),
    ...(options.probes !== false && probe(spec, 'liveness') ? { livenessProbe: probe(spec, 'liveness') } : {}),
    securityContext: containerSecurityContext(),
    volumeMounts: writable.map((mountPath, i) => ({ name: volumeName(mountPath, i), mountPath })),
  };
  return {
    metadata: { labels: { ...standardLabels(spec), ...selectorLabels(spec.name) } },
    spec: {
      ...(options.restartPolicy ? { restartPolicy: options.restartPolicy } : {}),
      ...(options.serviceAccountName ? { serviceAccountName: options.serviceAccountName } : {}),
      automountServiceAccountToken: false,
      securityContext: podSecurityContext(),
      ...(options.spread ? { topologySpreadConstraints: topologySpread(spec.name) } : {}),
      containers: [container],
      volumes: writable.map((mountPath, i) => ({
        name: volumeName(mountPath, i),
        emptyDir: { sizeLimit: WRITABLE_SIZE_LIMIT },
      })),
    },
  };
}
