import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

const cwd = mkdtempSync(join(tmpdir(), 'opspilot-cli-personas-'));
const env = { OPSPILOT_DATA_DIR: join(cwd, 'data'), OPSPILOT_USER: 'alice' };
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const cli = async (args: string[]) => {
  const io = memoryIo(env, cwd);
  const code = await runCli(['chat', 'personas', ...args], io);
  return { code, out: io.out(), err: io.err() };
};

describe('opspilot chat personas', () => {
  it('adds a custom persona with its tone and scope, lists it beside the built-in ones, and changes it', async () => {
    const added = await cli([
      'add',
      'fleet-watch',
      '--name',
      'Fleet watch',
      '--prompt',
      'You watch every cluster.',
      '--tone',
      'terse',
      '--scope',
      'all-clusters',
      '--tool',
      'list_clusters',
      'analyze',
      '-o',
      'json',
    ]);
    expect(added.code, added.err).toBe(0);
    expect(JSON.parse(added.out)).toMatchObject({
      id: 'fleet-watch',
      tone: 'terse',
      scope: 'all-clusters',
      capabilities: ['list_clusters', 'analyze'],
      is_builtin: false,
      created_by: 'alice',
    });

    const table = await cli([]);
    expect(table.code, table.err).toBe(0);
    expect(table.out).toMatch(/^ID\s+NAME\s+SCOPE\s+TONE/);
    expect(table.out).toMatch(/fleet-watch\s+Fleet watch\s+all-clusters\s+terse/);
    expect(table.out).toContain('sre-oncall');

    const set = await cli(['set', 'fleet-watch', '--scope', 'session', '-o', 'yaml']);
    expect(set.code, set.err).toBe(0);
    expect(set.out).toContain('scope: session');
    const listed = JSON.parse((await cli(['list', '-o', 'json'])).out).items;
    expect(listed.find((p: { id: string }) => p.id === 'fleet-watch')).toMatchObject({
      scope: 'session',
      tone: 'terse',
      name: 'Fleet watch',
    });
  });

  it('refuses a bad scope, a taken id, an empty change and a change to a built-in persona', async () => {
    const bad = await cli(['add', 'odd-one', '--name', 'x', '--prompt', 'y', '--scope', 'everywhere']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('scope');
    expect((await cli(['add', 'sre-oncall', '--name', 'x', '--prompt', 'y'])).code).not.toBe(0);
    expect((await cli(['set', 'fleet-watch'])).code).toBe(2);
    const builtin = await cli(['set', 'sre-oncall', '--tone', 'loud']);
    expect(builtin.code).not.toBe(0);
    expect(builtin.err).toContain('built in');
    expect((await cli(['set', 'nobody-here', '--tone', 'x'])).code).not.toBe(0);
  });
});
