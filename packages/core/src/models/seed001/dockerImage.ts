import { z } from 'zod';
import { Timestamp, Uuid } from '../common.js';

/** Result of a vulnerability scan of an image (seed 001 "security scan results"). */
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
 * A container image built for an application (seed 001 "Docker Images"); referenced by Kubernetes deployments.
 * @see https://kubernetes.io/docs/concepts/containers/images/
 */
export const DockerImage = z.object({
  id: Uuid,
  name: z.string().regex(/^[a-z0-9]+([._\-/:][a-z0-9]+)*$/, 'must be an image repository such as ghcr.io/acme/api'),
  tag: z.string().regex(/^[\w][\w.-]{0,127}$/, 'must be a tag such as 1.4.0 (letters, digits, _ . -; 128 max)'),
  base_image: z.string().min(1),
  dependencies: z.array(z.string()).default([]),
  size_bytes: z.number().int().min(0).optional(),
  optimization: z
    .object({
      layers: z.number().int().min(0).optional(),
      multi_stage: z.boolean().optional(),
      notes: z.array(z.string()).default([]),
    })
    .default({ notes: [] }),
  security_scan: ImageScanSummary.optional(),
});
export type DockerImage = z.infer<typeof DockerImage>;

/** The caller-supplied part of a {@link DockerImage}. */
export const NewDockerImage = DockerImage.omit({ id: true });
export type NewDockerImage = z.input<typeof NewDockerImage>;
