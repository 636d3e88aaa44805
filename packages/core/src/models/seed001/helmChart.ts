import { z } from 'zod';
import { JsonObject, Uuid } from '../common.js';
import { Dns1123Label, SemVer } from '../kubeNames.js';

/** One file under a chart's `templates/` and the Kubernetes kind it renders, e.g. `Deployment`. */
export const HelmTemplate = z.object({ path: z.string().min(1), kind: z.string().min(1) });
export type HelmTemplate = z.infer<typeof HelmTemplate>;

/**
 * A dependency (subchart) of a chart, as in `Chart.yaml` `dependencies`. `version` may be a range (`^1.2.0`);
 * `repository` is an `https://`, `oci://` or `file://` URL or an `@alias`, and may be left out for a chart vendored
 * in `charts/`.
 * @see https://helm.sh/docs/topics/charts/#chart-dependencies
 */
export const HelmDependency = z.object({
  name: Dns1123Label,
  version: z.string().min(1),
  repository: z
    .string()
    .regex(
      /^((https?|oci|file):\/\/\S+|@[\w.-]+|alias:[\w.-]+)$/,
      'must be an https://, oci:// or file:// URL or @alias',
    )
    .optional(),
});
export type HelmDependency = z.infer<typeof HelmDependency>;

/**
 * A packaged application definition (seed 001 "Helm Charts"): values, templates and dependencies. Recorded when
 * opspilot generates a chart; `version` must be semantic, as Helm requires.
 * @see https://helm.sh/docs/topics/charts/
 */
export const HelmChart = z.object({
  id: Uuid,
  name: Dns1123Label,
  version: SemVer,
  app_version: z.string().min(1).optional(),
  values: JsonObject.default({}),
  templates: z.array(HelmTemplate).default([]),
  dependencies: z.array(HelmDependency).default([]),
  /** Which generation of these records this is: 1, then one more each time the same thing is generated again. */
  revision: z.number().int().min(1).default(1),
});
export type HelmChart = z.infer<typeof HelmChart>;

/** The caller-supplied part of a {@link HelmChart}; the store assigns the id. */
export const NewHelmChart = HelmChart.omit({ id: true });
export type NewHelmChart = z.input<typeof NewHelmChart>;
