import { z } from 'zod';
import { StringMap, Uuid } from '../common.js';
import { Dns1123Label, Dns1123Subdomain } from '../kubeNames.js';

/**
 * A Kubernetes object opspilot generated or manages (seed 001 "Kubernetes Resources"), possibly part of a chart.
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/
 */
export const KubernetesResource = z.object({
  id: Uuid,
  kind: z.string().regex(/^[A-Z][A-Za-z0-9]*$/, 'must be a Kubernetes kind such as Deployment'),
  api_version: z
    .string()
    .regex(/^([a-z0-9.-]+\/)?v[0-9]+((alpha|beta)[0-9]+)?$/, 'must be an apiVersion such as apps/v1'),
  name: Dns1123Subdomain,
  namespace: Dns1123Label.optional(),
  parameters: z
    .object({
      replicas: z.number().int().min(0).optional(),
      resources: z.object({ requests: StringMap.optional(), limits: StringMap.optional() }).optional(),
      ports: z.array(z.number().int().min(1).max(65535)).optional(),
    })
    .default({}),
  labels: StringMap.default({}),
  selector: StringMap.default({}),
  health: z.object({ ready: z.boolean(), message: z.string().optional() }).optional(),
  helm_chart_id: Uuid.optional(),
  image_refs: z.array(z.string()).default([]),
});
export type KubernetesResource = z.infer<typeof KubernetesResource>;

/** The caller-supplied part of a {@link KubernetesResource}. */
export const NewKubernetesResource = KubernetesResource.omit({ id: true });
export type NewKubernetesResource = z.input<typeof NewKubernetesResource>;
