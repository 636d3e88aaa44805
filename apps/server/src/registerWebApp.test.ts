import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OpspilotConfig } from '@opspilot/config';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer } from './buildServer.js';

describe('serving the built dashboard', () => {
  const dir = mkdtempSync(join(tmpdir(), 'opspilot-web-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const build = (webDistDir: string) =>
    buildServer({
      config: OpspilotConfig.parse({}),
      store: { ping: async () => {} },
      logger: pino({ level: 'silent' }),
      webDistDir,
    });

  it('serves index.html and assets when the dist folder has been built, and still 404s unknown paths', async () => {
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>opspilot</title>');
    writeFileSync(join(dir, 'app.js'), 'console.log(1)');
    const app = build(dir);
    expect((await app.inject({ url: '/' })).body).toContain('<title>opspilot</title>');
    expect((await app.inject({ url: '/app.js' })).statusCode).toBe(200);
    const missing = await app.inject({ url: '/nope' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error_code).toBe('NOT_FOUND');
    await app.close();
  });

  it('serves nothing at / when there is no build', async () => {
    const app = build(join(dir, 'absent'));
    expect((await app.inject({ url: '/' })).statusCode).toBe(404);
    await app.close();
  });
});
