import { z } from 'zod';
import { JsonObject, Uuid } from '../common.js';
import { Dns1123Label, SemVer } from '../kubeNames.js';

/**
 * A packaged application definition (seed 001 "Helm Charts"): values, templates and dependencies.
 * @see https://helm.sh/docs/topics/charts/
 */
export const HelmChart = z.object({
  id: Uuid,
  name: Dns1123Label,
  version: SemVer,
  app_version: z.string().optional(),
  values: JsonObject.default({}),
  templates: z.array(z.object({ path: z.string().min(1), kind: z.string().min(1) })).default([]),
  dependencies: z
    .array(z.object({ name: Dns1123Label, version: z.string().min(1), repository: z.string().optional() }))
    .default([]),
});
export type HelmChart = z.infer<typeof HelmChart>;

/** The caller-supplied part of a {@link HelmChart}. */
export const NewHelmChart = HelmChart.omit({ id: true });
export type NewHelmChart = z.input<typeof NewHelmChart>;
