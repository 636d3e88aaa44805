import { type ChartFile, type GeneratedConfig, InputError } from '@opspilot/core';

/** A chart gathered from the generated configurations of one generation run. */
export interface ConfiguredChart {
  chartName: string;
  /** Folder of `Chart.yaml` within the project, e.g. `charts/todo`. */
  root: string;
  files: ChartFile[];
  configs: GeneratedConfig[];
}

/** Whether a configuration is a Helm chart file (Chart.yaml, values, templates, ...). */
export function isChartConfig(config: GeneratedConfig): boolean {
  return config.resource_type.startsWith('Helm');
}

/**
 * The chart `config` belongs to, from the configurations generated with it (same AI command): every file under the
 * folder of its `Chart.yaml`, with paths relative to that folder. InputError when there is no `Chart.yaml`, or when a
 * file of the chart is not APPROVED (a chart is installed whole or not at all).
 */
export function chartOfConfigs(config: GeneratedConfig, siblings: readonly GeneratedConfig[]): ConfiguredChart {
  const all = [config, ...siblings.filter((s) => s.id !== config.id)];
  const chartYaml = all
    .filter((c) => c.resource_type === 'HelmChart' && /(^|\/)Chart\.yaml$/.test(c.file_path))
    .sort((a, b) => b.file_path.length - a.file_path.length)
    .find((c) => config.file_path.startsWith(c.file_path.replace(/Chart\.yaml$/, '')));
  if (!chartYaml) {
    throw new InputError(`${config.file_path} belongs to no chart (no Chart.yaml was generated with it)`, {
      hint: 'generate the chart with opspilot generate helm-chart --from DIR',
    });
  }
  const prefix = chartYaml.file_path.replace(/Chart\.yaml$/, '');
  const configs = all.filter((c) => c.file_path.startsWith(prefix) && isChartConfig(c));
  const pending = configs.filter((c) => c.state !== 'APPROVED');
  if (pending.length > 0) {
    throw new InputError(
      `the chart ${prefix} is not approved as a whole: ${pending.map((c) => `${c.file_path} is ${c.state}`).join(', ')}`,
      {
        hint: `approve every file of the chart first (opspilot review approve <id>): ${pending.map((c) => c.id).join(', ')}`,
      },
    );
  }
  const name = /(^|\n)name:\s*["']?([\w.-]+)/.exec(chartYaml.content)?.[2] ?? prefix.split('/').at(-2) ?? 'chart';
  return {
    chartName: name,
    root: prefix.replace(/\/$/, '') || '.',
    files: configs.map((c) => ({ path: c.file_path.slice(prefix.length), content: c.content })),
    configs,
  };
}
