import type { ChartReleaseRequest } from './chartReleaser.js';

/** The helm command a chart release runs, as a person would type it (values passed in a file). */
export function helmCommandOf(request: Omit<ChartReleaseRequest, 'chart'>, chartName: string): string {
  const values = Object.keys(request.values).length > 0 ? ' -f values.override.yaml' : '';
  return (
    `helm upgrade --install ${request.release} ./charts/${chartName} --namespace ${request.namespace} ` +
    `--create-namespace --atomic --wait --timeout ${request.timeoutSeconds}s${values}`
  );
}
