import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'opspilot-cli-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('opspilot config show', () => {
  it('prints the effective configuration as JSON with secrets masked', async () => {
    const io = memoryIo(
      {
        OPSPILOT_LLM_PROVIDER: 'openai',
        OPENAI_API_KEY: 'sk-very-secret',
        OPSPILOT_DATABASE_URL: 'postgres://ops:db-secret@pg:5432/ops',
      },
      dir,
    );
    expect(await runCli(['config', 'show', '-o', 'json'], io)).toBe(0);
    const shown = JSON.parse(io.out());
    expect(shown.llm).toEqual({ provider: 'openai', api_key: '****' });
    expect(shown.database.url).toBe('postgres://ops:****@pg:5432/ops');
    expect(shown.server).toEqual({ port: 8080, host: '127.0.0.1' });
    expect(io.out()).not.toMatch(/sk-very-secret|db-secret/);
  });

  it('merges --config, the environment and kube flags; text output names each variable', async () => {
    await writeFile(join(dir, 'ops.yaml'), 'log:\n  level: debug\nkube:\n  namespace: from-file\n');
    const io = memoryIo({ OPSPILOT_SERVER_PORT: '9999' }, dir);
    expect(await runCli(['--config', 'ops.yaml', '-n', 'payments', 'config', 'show'], io)).toBe(0);
    const lines = io.out().split('\n');
    expect(lines[0]).toMatch(/^KEY\s+VALUE\s+ENV$/);
    expect(lines).toContainEqual(expect.stringMatching(/^server\.port\s+9999\s+OPSPILOT_SERVER_PORT$/));
    expect(lines).toContainEqual(expect.stringMatching(/^log\.level\s+debug\s+OPSPILOT_LOG_LEVEL$/));
    expect(lines).toContainEqual(expect.stringMatching(/^kube\.namespace\s+payments\s+OPSPILOT_KUBE_NAMESPACE$/));
  });

  it('exits 2 naming the key, value and variable of a bad environment value', async () => {
    const io = memoryIo({ OPSPILOT_SERVER_PORT: 'eighty' }, dir);
    expect(await runCli(['config', 'show'], io)).toBe(2);
    expect(io.err()).toContain(
      'error: config: server.port = "eighty" (from OPSPILOT_SERVER_PORT): expected an integer between 1 and 65535',
    );
    expect(io.err()).toMatch(/\nhint: .*opspilot config validate/);
    expect(io.out()).toBe('');
  });
});

describe('opspilot config validate', () => {
  it('exits 0 for a valid file and names it', async () => {
    await writeFile(join(dir, 'opspilot.yaml'), 'server:\n  port: 9000\n');
    const io = memoryIo({}, dir);
    expect(await runCli(['config', 'validate'], io)).toBe(0);
    expect(io.out()).toBe(`configuration is valid (${join(dir, 'opspilot.yaml')})\n`);
  });

  it('exits 2 with every problem, as JSON with -o json', async () => {
    await writeFile(join(dir, 'bad.yaml'), 'server:\n  port: 0\nlog:\n  level: loud\n');
    const io = memoryIo({}, dir);
    expect(await runCli(['config', 'validate', '--config', 'bad.yaml', '-o', 'json'], io)).toBe(2);
    const error = JSON.parse(io.err());
    expect(error.error_code).toBe('INPUT');
    expect(error.message.split('\n')).toHaveLength(2);
    expect(error.details.problems.map((p: { key: string }) => p.key)).toEqual(['server.port', 'log.level']);
    expect(error.hint).toBeTypeOf('string');
  });

  it('exits 2 when the named file does not exist', async () => {
    const io = memoryIo({}, dir);
    expect(await runCli(['--config', 'absent.yaml', 'config', 'validate'], io)).toBe(2);
    expect(io.err()).toMatch(/error: config: file .*absent\.yaml does not exist/);
  });
});
