import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireSystemTool } from '@opspilot/core/testing';
import { type RunningDaemon, startDaemon } from '@opspilot/observe/testing';

/** One series to backfill: its name, labels and `[unix_seconds, value]` samples in time order. */
export interface BackfillSeries {
  name: string;
  type: 'counter' | 'gauge';
  labels: Record<string, string>;
  samples: [number, number][];
}

function openMetrics(series: BackfillSeries[]): string {
  const lines: string[] = [];
  const byName = new Map<string, BackfillSeries[]>();
  for (const s of series) byName.set(s.name, [...(byName.get(s.name) ?? []), s]);
  for (const [name, all] of byName) {
    lines.push(`# TYPE ${name} ${all[0]!.type}`);
    for (const s of all) {
      const labels = Object.entries(s.labels)
        .map(([k, v]) => `${k}="${v}"`)
        .join(',');
      for (const [t, v] of s.samples) lines.push(`${name}{${labels}} ${v} ${t}`);
    }
  }
  lines.push('# EOF');
  return `${lines.join('\n')}\n`;
}

/**
 * The real Prometheus started on a TSDB that already holds `series` (written with `promtool tsdb
 * create-blocks-from openmetrics`), scraping nothing: a history of known values for range queries.
 */
export function startBackfilledPrometheus(series: BackfillSeries[]): Promise<RunningDaemon> {
  return startDaemon({
    command: requireSystemTool('prometheus'),
    prepare: (dir) => {
      writeFileSync(join(dir, 'prometheus.yml'), JSON.stringify({ global: { scrape_interval: '15s' }, scrape_configs: [] }));
      const input = join(dir, 'history.om');
      writeFileSync(input, openMetrics(series));
      mkdirSync(join(dir, 'data'));
      execFileSync(requireSystemTool('promtool'), ['tsdb', 'create-blocks-from', 'openmetrics', input, join(dir, 'data')], {
        stdio: 'pipe',
      });
    },
    args: (port, dir) => [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      '--storage.tsdb.retention.time=30d',
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ],
    readyPath: '/-/ready',
  });
}
