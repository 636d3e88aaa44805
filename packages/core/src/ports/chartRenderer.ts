import type { OpspilotError } from '../errors/index.js';
import type { Result } from '../result.js';

/** One file of a Helm chart, `path` relative to the chart's root (`Chart.yaml`, `templates/deployment.yaml`). */
export interface ChartFile {
  path: string;
  content: string | Uint8Array;
}

/** One message of `helm lint`. */
export interface ChartLintMessage {
  severity: 'ERROR' | 'WARNING' | 'INFO';
  /** The chart file the message is about, relative to the chart root, when helm names one. */
  path?: string;
  message: string;
}

/** One manifest rendered from a chart template; `path` is the template it came from (`templates/service.yaml`). */
export interface RenderedManifest {
  path: string;
  content: string;
}

/**
 * Renders and lints Helm charts (the real `helm` binary in production). Expected failures — a template that does
 * not render, a malformed chart — are `Err` values carrying an `InputError` with helm's message; a missing binary
 * is an `UpstreamError`.
 * @see https://helm.sh/docs/helm/helm_template/
 */
export interface ChartRenderer {
  /** `helm lint` over the chart. */
  lint(chart: ChartFile[]): Promise<Result<ChartLintMessage[], OpspilotError>>;
  /** `helm template` with `values` merged over the chart's `values.yaml`. */
  template(chart: ChartFile[], values?: Record<string, unknown>): Promise<Result<RenderedManifest[], OpspilotError>>;
}
