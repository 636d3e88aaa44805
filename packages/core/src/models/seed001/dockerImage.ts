import { z } from 'zod';
import { Timestamp, Uuid } from '../common.js';
import { ImageName, ImageReference, ImageTag } from './imageReference.js';

/**
 * Result of a vulnerability scan of an image (seed 001 "security scan results"). Seed 001 requires images to pass
 * scanning, so `passed` is what a deployment gate reads; the counts say why.
 */
export const ImageScanSummary = z.object({
  scanned_at: Timestamp,
  critical: z.number().int().min(0),
  high: z.number().int().min(0),
  medium: z.number().int().min(0),
  low: z.number().int().min(0),
  passed: z.boolean(),
});
export type ImageScanSummary = z.infer<typeof ImageScanSummary>;

/**
 * Size and optimisation metrics of an image (seed 001 "size and optimization metrics"), filled in by the
 * Dockerfile analyser to show what a multi-stage build or a smaller base image would save.
 */
export const ImageOptimization = z.object({
  layers: z.number().int().min(0).optional(),
  multi_stage: z.boolean().optional(),
  /** Size before optimisation, to report the saving. */
  original_size_bytes: z.number().int().min(0).optional(),
  notes: z.array(z.string()).default([]),
});
export type ImageOptimization = z.infer<typeof ImageOptimization>;

/**
 * A container image built for an application (seed 001 "Docker Images"); referenced by Kubernetes workloads
 * through {@link KubernetesResource} `image_refs`. Recorded when opspilot generates or analyses a Dockerfile.
 * @see https://kubernetes.io/docs/concepts/containers/images/
 */
export const DockerImage = z.object({
  id: Uuid,
  name: ImageName,
  tag: ImageTag,
  base_image: ImageReference,
  dependencies: z.array(z.string().min(1)).default([]),
  size_bytes: z.number().int().min(0).optional(),
  optimization: ImageOptimization.default({ notes: [] }),
  security_scan: ImageScanSummary.optional(),
  /** Which generation of these records this is: 1, then one more each time the same thing is generated again. */
  revision: z.number().int().min(1).default(1),
});
export type DockerImage = z.infer<typeof DockerImage>;

/** The caller-supplied part of a {@link DockerImage}; the store assigns the id. */
export const NewDockerImage = DockerImage.omit({ id: true });
export type NewDockerImage = z.input<typeof NewDockerImage>;
