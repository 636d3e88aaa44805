import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireSystemTool } from '@opspilot/core/testing';
import { type RunningDaemon, startDaemon } from './startDaemon.js';

/** Where a test Alertmanager sends its notifications. */
export interface TestWebhook {
  url: string;
  bearerToken?: string;
}

/** The configuration of a test Alertmanager: one route, short waits, an optional webhook receiver. */
export function alertmanagerConfig(webhook?: TestWebhook): string {
  const receiver = webhook
    ? [
        '  - name: opspilot',
        '    webhook_configs:',
        `      - url: ${JSON.stringify(webhook.url)}`,
        '        send_resolved: true',
        ...(webhook.bearerToken
          ? [
              '        http_config:',
              '          authorization:',
              `            credentials: ${JSON.stringify(webhook.bearerToken)}`,
            ]
          : []),
      ]
    : ['  - name: opspilot'];
  return [
    'route:',
    '  receiver: opspilot',
    "  group_by: ['alertname', 'cluster']",
    '  group_wait: 100ms',
    '  group_interval: 1s',
    '  repeat_interval: 1h',
    'receivers:',
    ...receiver,
    '',
  ].join('\n');
}

/**
 * Starts the real Alertmanager (Debian's `prometheus-alertmanager`) on a free 127.0.0.1 port, gossip off, with a
 * temporary storage path and {@link alertmanagerConfig}. For tests; `stop()` ends it and removes its files.
 */
export function startAlertmanager(options: { webhook?: TestWebhook } = {}): Promise<RunningDaemon> {
  return startDaemon({
    command: requireSystemTool('alertmanager'),
    prepare: (dir) => writeFileSync(join(dir, 'alertmanager.yml'), alertmanagerConfig(options.webhook)),
    args: (port, dir) => [
      `--config.file=${join(dir, 'alertmanager.yml')}`,
      `--storage.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--cluster.listen-address=',
      '--log.level=warn',
    ],
    readyPath: '/-/ready',
  });
}
