import { Dns1123Label, Dns1123Subdomain } from '@opspilot/core';
import { z } from 'zod';

/** The kinds `generate <kind> "<description>"` produces. */
export const ManifestKind = z.enum([
  'deployment',
  'service',
  'ingress',
  'configmap',
  'secret',
  'hpa',
  'pdb',
  'networkpolicy',
  'job',
  'cronjob',
]);
export type ManifestKind = z.infer<typeof ManifestKind>;

/**
 * A container image pinned to a tag or digest. `latest` and a missing tag are refused: the same manifest must run
 * the same code tomorrow.
 * @see https://kubernetes.io/docs/concepts/containers/images/#image-names
 */
export const PinnedImage = z
  .string()
  .min(1)
  .refine((image) => {
    const last = image.split('/').pop() ?? '';
    return image.includes('@sha256:') || (last.includes(':') && !last.endsWith(':latest'));
  }, 'must be pinned to a tag other than latest (or a digest), e.g. nginx:1.27');

const Port = z.number().int().min(1).max(65535);
const Percent = z.number().int().min(1).max(100);
const CountOrPercent = z.union([z.number().int().min(0), z.string().regex(/^\d{1,3}%$/)]);
const EnvName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, 'must be a variable name such as LOG_LEVEL');

/** Fields every generated object has. */
export const BaseSpec = z.object({
  name: Dns1123Label,
  namespace: Dns1123Label.optional(),
  partOf: Dns1123Label.optional(),
  component: Dns1123Label.optional(),
});

/** A container workload (Deployment, Job, CronJob): image, size, environment, probes. */
export const WorkloadSpec = BaseSpec.extend({
  image: PinnedImage,
  port: Port.optional(),
  cpu: z.string().default('100m'),
  memory: z.string().default('256Mi'),
  env: z.record(EnvName, z.string()).default({}),
  healthPath: z.string().startsWith('/').optional(),
  command: z.array(z.string()).optional(),
});
export type WorkloadSpec = z.infer<typeof WorkloadSpec>;

/** A Deployment: a workload with replicas (default 2, so one pod can go without downtime). */
export const DeploymentSpec = WorkloadSpec.extend({ replicas: z.number().int().min(0).max(1000).default(2) });
export type DeploymentSpec = z.infer<typeof DeploymentSpec>;

/** A CronJob: a workload on a five-field cron schedule. */
export const CronJobSpec = WorkloadSpec.extend({ schedule: z.string().min(9) });
export type CronJobSpec = z.infer<typeof CronJobSpec>;

/** A Service in front of the pods of `target` (default: the same name). */
export const ServiceSpec = BaseSpec.extend({
  target: Dns1123Label.optional(),
  port: Port.default(80),
  targetPort: Port.optional(),
  serviceType: z.enum(['ClusterIP', 'NodePort', 'LoadBalancer']).default('ClusterIP'),
});
export type ServiceSpec = z.infer<typeof ServiceSpec>;

/** An Ingress routing `host` + `path` to the Service `target` (default: the same name). */
export const IngressSpec = BaseSpec.extend({
  host: Dns1123Subdomain.optional(),
  path: z.string().startsWith('/').default('/'),
  target: Dns1123Label.optional(),
  port: Port.default(80),
  tls: z.boolean().default(false),
  tlsSecret: Dns1123Subdomain.optional(),
  ingressClass: Dns1123Subdomain.optional(),
}).refine((s) => !s.tls || s.host !== undefined, { message: 'TLS needs a host', path: ['host'] });
export type IngressSpec = z.infer<typeof IngressSpec>;

/** A ConfigMap or Secret: `KEY=value` pairs (Secrets keep the keys only, see the generator). */
export const DataSpec = BaseSpec.extend({ env: z.record(EnvName, z.string()).default({}) });
export type DataSpec = z.infer<typeof DataSpec>;

/** A HorizontalPodAutoscaler (autoscaling/v2) for the Deployment `target` (default: the same name). */
export const HpaSpec = BaseSpec.extend({
  target: Dns1123Label.optional(),
  minReplicas: z.number().int().min(1).default(2),
  maxReplicas: z.number().int().min(1).max(1000).optional(),
  targetCpuPercent: Percent.optional(),
  targetMemoryPercent: Percent.optional(),
})
  .transform((s) => ({
    ...s,
    maxReplicas: s.maxReplicas ?? Math.max(10, s.minReplicas),
    targetCpuPercent: s.targetCpuPercent ?? (s.targetMemoryPercent === undefined ? 70 : undefined),
  }))
  .refine((s) => s.minReplicas <= s.maxReplicas, {
    message: 'min replicas exceeds max replicas',
    path: ['maxReplicas'],
  });
export type HpaSpec = z.infer<typeof HpaSpec>;

/** A PodDisruptionBudget for the pods of `target`; `minAvailable` defaults to 1. */
export const PdbSpec = BaseSpec.extend({
  target: Dns1123Label.optional(),
  minAvailable: CountOrPercent.optional(),
  maxUnavailable: CountOrPercent.optional(),
}).refine((s) => s.minAvailable === undefined || s.maxUnavailable === undefined, {
  message: 'give min available or max unavailable, not both',
  path: ['maxUnavailable'],
});
export type PdbSpec = z.infer<typeof PdbSpec>;

/** A NetworkPolicy on the pods of `target`: deny all ingress, or allow it from the named apps (on `port`). */
export const NetworkPolicySpec = BaseSpec.extend({
  target: Dns1123Label.optional(),
  allowFrom: z.array(Dns1123Label).default([]),
  denyAll: z.boolean().default(false),
  port: Port.optional(),
}).refine((s) => !(s.denyAll && s.allowFrom.length > 0), {
  message: 'deny all contradicts allow from',
  path: ['denyAll'],
});
export type NetworkPolicySpec = z.infer<typeof NetworkPolicySpec>;
