import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireSystemTool } from '@opspilot/core/testing';
import { type RunningDaemon, startDaemon } from './startDaemon.js';

/** The recording and alerting rules opspilot ships (`packages/observe/rules/opspilot.rules.yml`). */
export const SHIPPED_RULES = fileURLToPath(new URL('../../rules/opspilot.rules.yml', import.meta.url));

/** A simulated cluster (or any target) whose `/metrics/{cadvisor,kube-state,apps}` endpoints Prometheus scrapes. */
export interface ScrapeTarget {
  /** Base URL, e.g. the simulated cluster's `https://127.0.0.1:PORT`. */
  url: string;
  /** Bearer token of the endpoint (the simulated cluster's admin token). */
  token?: string;
  /** Paths to scrape (default the simulated cluster's three endpoints). */
  paths?: string[];
}

/** Options of {@link startPrometheus}. */
export interface TestPrometheusOptions {
  targets: ScrapeTarget[];
  /** Scrape and rule evaluation interval (default `1s`). */
  interval?: string;
  /** Rule files to load (default the shipped rules). */
  ruleFiles?: string[];
  /** Alertmanager base URLs to send alerts to. */
  alertmanagers?: string[];
  /**
   * Past samples to load before Prometheus starts, as OpenMetrics text (timestamps in seconds, ending `# EOF`):
   * written into the TSDB with `promtool tsdb create-blocks-from openmetrics`, for tests that need days of history.
   */
  history?: string;
}

/** The generated prometheus.yml of {@link startPrometheus}. */
export function prometheusConfig(options: TestPrometheusOptions): string {
  const interval = options.interval ?? '1s';
  const jobs = options.targets.flatMap((target, i) => {
    const url = new URL(target.url);
    return (target.paths ?? ['/metrics/cadvisor', '/metrics/kube-state', '/metrics/apps']).map((path) => ({
      job_name: `target${i}${path.replace(/[^a-z0-9]+/gi, '_')}`,
      scheme: url.protocol.replace(':', ''),
      metrics_path: path,
      ...(target.token ? { authorization: { credentials: target.token } } : {}),
      tls_config: { insecure_skip_verify: true },
      static_configs: [{ targets: [url.host] }],
    }));
  });
  const config = {
    global: { scrape_interval: interval, evaluation_interval: interval, scrape_timeout: interval },
    rule_files: options.ruleFiles ?? [SHIPPED_RULES],
    ...(options.alertmanagers?.length
      ? {
          alerting: {
            alertmanagers: [{ static_configs: [{ targets: options.alertmanagers.map((u) => new URL(u).host) }] }],
          },
        }
      : {}),
    scrape_configs: jobs,
  };
  // JSON is YAML: no YAML library needed for a generated file.
  return JSON.stringify(config, null, 2);
}

/**
 * Starts the real Prometheus (Debian's `prometheus`) on a free 127.0.0.1 port with a temporary TSDB, scraping the
 * targets every second and loading the shipped rules. For tests; `stop()` ends it and removes its files.
 */
export function startPrometheus(options: TestPrometheusOptions): Promise<RunningDaemon> {
  return startDaemon({
    command: requireSystemTool('prometheus'),
    prepare: (dir) => {
      writeFileSync(join(dir, 'prometheus.yml'), prometheusConfig(options));
      if (options.history) {
        writeFileSync(join(dir, 'history.om'), options.history);
        execFileSync(
          requireSystemTool('promtool'),
          ['tsdb', 'create-blocks-from', 'openmetrics', join(dir, 'history.om'), join(dir, 'data')],
          { stdio: 'pipe' },
        );
      }
    },
    args: (port, dir) => [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ],
    readyPath: '/-/ready',
  });
}
