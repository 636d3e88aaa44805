import { z } from 'zod';
import { Uuid } from '../common.js';
import { Dns1123Label, Dns1123Subdomain } from '../kubeNames.js';
import { ImageReference } from './imageReference.js';
import { Labels } from './labels.js';
import { ResourceList } from './quantity.js';

/** Configuration parameters of a resource (seed 001): replica count, requests and limits, container ports. */
export const ResourceParameters = z.object({
  replicas: z.number().int().min(0).optional(),
  resources: z.object({ requests: ResourceList.optional(), limits: ResourceList.optional() }).optional(),
  ports: z.array(z.number().int().min(1).max(65535)).optional(),
});
export type ResourceParameters = z.infer<typeof ResourceParameters>;

/** Status and health indicators of a resource (seed 001): whether it is ready and, if not, why. */
export const ResourceHealth = z.object({ ready: z.boolean(), message: z.string().optional() });
export type ResourceHealth = z.infer<typeof ResourceHealth>;

/**
 * A Kubernetes object opspilot generated or manages (seed 001 "Kubernetes Resources"), possibly part of a
 * {@link HelmChart} (`helm_chart_id`) and referencing {@link DockerImage}s (`image_refs`). Names, labels and
 * quantities are checked the way the API server checks them, so a bad one is caught before a dry-run.
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
  parameters: ResourceParameters.default({}),
  labels: Labels.default({}),
  selector: Labels.default({}),
  health: ResourceHealth.optional(),
  helm_chart_id: Uuid.optional(),
  image_refs: z.array(ImageReference).default([]),
  /** Which generation of these records this is: 1, then one more each time the same thing is generated again. */
  revision: z.number().int().min(1).default(1),
});
export type KubernetesResource = z.infer<typeof KubernetesResource>;

/** The caller-supplied part of a {@link KubernetesResource}; the store assigns the id. */
export const NewKubernetesResource = KubernetesResource.omit({ id: true });
export type NewKubernetesResource = z.input<typeof NewKubernetesResource>;
