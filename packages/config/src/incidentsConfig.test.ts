import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeConfig } from './describeConfig.js';
import { loadConfig } from './loadConfig.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'opspilot-incidents-config-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const slack = { url: 'https://hooks.slack.com/services/T/B/x', format: 'slack', events: ['opened', 'resolved'] };
const signed = { url: 'https://pager.example/hook', secret: 'at-least-16-characters' };

describe('incidents.webhooks', () => {
  it('is empty by default and read from opspilot.yaml with defaults per endpoint', async () => {
    expect((await loadConfig({ cwd: dir, env: {} })).incidents.webhooks).toEqual([]);
    await writeFile(
      join(dir, 'opspilot.yaml'),
      `incidents:\n  webhooks:\n    - url: ${signed.url}\n      secret: ${signed.secret}\n`,
    );
    expect((await loadConfig({ cwd: dir, env: {} })).incidents.webhooks).toEqual([
      { ...signed, format: 'json', events: ['opened', 'updated', 'resolved'] },
    ]);
  });

  it('takes a JSON array from OPSPILOT_INCIDENTS_WEBHOOKS, or the older OPSPILOT_INCIDENT_WEBHOOKS, over the file', async () => {
    await writeFile(join(dir, 'opspilot.yaml'), `incidents:\n  webhooks:\n    - url: ${signed.url}\n`);
    const older = await loadConfig({ cwd: dir, env: { OPSPILOT_INCIDENT_WEBHOOKS: JSON.stringify([slack]) } });
    expect(older.incidents.webhooks).toEqual([slack]);
    const both = await loadConfig({
      cwd: dir,
      env: {
        OPSPILOT_INCIDENT_WEBHOOKS: JSON.stringify([slack]),
        OPSPILOT_INCIDENTS_WEBHOOKS: JSON.stringify([signed]),
      },
    });
    expect(both.incidents.webhooks.map((w) => w.url)).toEqual([signed.url]);
  });

  it('refuses bad endpoints naming the key and what was expected', async () => {
    const bad = (value: unknown) =>
      loadConfig({ cwd: dir, env: { OPSPILOT_INCIDENTS_WEBHOOKS: JSON.stringify(value) } }).then(
        () => '',
        (e: Error) => e.message,
      );
    expect(await bad([{ url: 'ftp://x' }])).toMatch(
      /incidents\.webhooks\.0\.url.*expected an http:\/\/ or https:\/\/ URL/,
    );
    expect(await bad([{ url: 'https://x.example', secret: 'short' }])).toMatch(/at least 16 characters/);
    expect(await bad([{ url: 'https://x.example', events: ['paged'] }])).toMatch(/expected one of opened, updated/);
    expect(
      await loadConfig({ cwd: dir, env: { OPSPILOT_INCIDENT_WEBHOOKS: 'not json' } }).then(
        () => '',
        (e: Error) => e.message,
      ),
    ).toMatch(/incidents\.webhooks.*OPSPILOT_INCIDENT_WEBHOOKS.*expected a list of webhook endpoints/);
  });

  it('masks each endpoint secret when shown', async () => {
    const config = await loadConfig({
      cwd: dir,
      env: { OPSPILOT_INCIDENTS_WEBHOOKS: JSON.stringify([signed, slack]) },
    });
    const shown = describeConfig(config).incidents.webhooks;
    expect(shown[0]?.secret).toBe('****');
    expect(shown[1]).not.toHaveProperty('secret');
    expect(config.incidents.webhooks[0]?.secret).toBe(signed.secret);
  });
});
