import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '@opspilot/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConfigProblem } from './configProblem.js';
import { loadConfig, loadConfigSection } from './loadConfig.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'opspilot-config-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const writeYaml = (text: string, name = 'opspilot.yaml') => writeFile(join(dir, name), text);

async function failure(promise: Promise<unknown>): Promise<InputError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('loadConfig', () => {
  it('gives the zero-setup defaults when there is no file and no environment', async () => {
    const config = await loadConfig({ cwd: dir, env: {} });
    expect(config).toEqual({
      server: { port: 8080, host: '127.0.0.1' },
      data_dir: './.opspilot',
      database: { sqlite_path: './.opspilot/opspilot.db' },
      log: { level: 'info' },
      llm: { provider: 'offline' },
      kube: { cluster: 'simulated' },
      events: { bus: 'memory' },
      auth: {
        session_idle_timeout: '30m',
        session_absolute_timeout: '12h',
        login_max_failures: 5,
        login_window: '15m',
        admin_username: 'admin',
      },
      secrets: {},
      validate: { exclude: [], rules: {} },
      clusters: { allowed_exec_commands: [] },
      webhooks: { alertmanager_max_bytes: 4194304 },
      alertmanager: { timeout_ms: 10000 },
      loki: { timeout_ms: 10000 },
      prometheus: {
        timeout_ms: 10000,
        max_series: 10000,
        max_points: 11000,
        max_range: '7d',
        sampler_interval: '15s',
        sampler_window: '6h',
      },
      tempo: { timeout_ms: 10000 },
      traces: { retention: '24h', max_bytes: 4194304 },
      incidents: { webhooks: [] },
      healing: { settle_seconds: 60, verify_timeout_seconds: 180 },
      delivery: { repositories: [] },
      jobs: { queue: 'memory', lease_ttl: '15s', attempts: 3, backoff: '5s' },
    });
  });

  it('reads the commands stored kubeconfigs may run, a list in the file or comma-separated in the environment', async () => {
    await writeYaml('clusters:\n  allowed_exec_commands: [aws]\n');
    expect((await loadConfig({ cwd: dir, env: {} })).clusters.allowed_exec_commands).toEqual(['aws']);
    const env = { OPSPILOT_CLUSTERS_ALLOWED_EXEC_COMMANDS: 'aws, gke-gcloud-auth-plugin' };
    const config = await loadConfig({ cwd: dir, env });
    expect(config.clusters.allowed_exec_commands).toEqual(['aws', 'gke-gcloud-auth-plugin']);
  });

  it('reads the validate section: rule settings from the file, exclude globs from the environment', async () => {
    await writeYaml('validate:\n  rules:\n    image-latest-tag: { severity: ERROR, exclude: ["dev/**"] }\n');
    const config = await loadConfig({ cwd: dir, env: { OPSPILOT_VALIDATE_EXCLUDE: 'vendor/**, tmp/*' } });
    expect(config.validate).toEqual({
      exclude: ['vendor/**', 'tmp/*'],
      rules: { 'image-latest-tag': { severity: 'ERROR', exclude: ['dev/**'] } },
    });
    await writeYaml('validate:\n  rules:\n    image-latest-tag: { severity: LOUD }\n');
    await expect(loadConfig({ cwd: dir, env: {} })).rejects.toThrow(/validate\.rules\.image-latest-tag\.severity/);
  });

  it('reads one section alone, with the same sources and errors, leaving other sections unchecked', async () => {
    await writeYaml('log:\n  level: verbose\nvalidate:\n  rules:\n    image-latest-tag: { enabled: false }\n');
    const section = await loadConfigSection('validate', { cwd: dir, env: { OPSPILOT_VALIDATE_EXCLUDE: 'tmp/*' } });
    expect(section).toEqual({ exclude: ['tmp/*'], rules: { 'image-latest-tag': { enabled: false } } });
    await expect(loadConfig({ cwd: dir, env: {} })).rejects.toThrow(/log\.level/);
    await writeYaml('validate:\n  rules:\n    image-latest-tag: { severity: LOUD }\n');
    const error = await failure(loadConfigSection('validate', { cwd: dir, env: {} }));
    expect(error.message).toMatch(
      new RegExp(
        `^config: validate\\.rules\\.image-latest-tag\\.severity = "LOUD" \\(from file ${join(dir, 'opspilot.yaml')}\\)`,
      ),
    );
  });

  it('reads values from opspilot.yaml and derives the SQLite path from data_dir', async () => {
    await writeYaml('server:\n  port: 9090\n  host: 0.0.0.0\ndata_dir: /var/lib/opspilot/\nlog:\n  level: debug\n');
    const config = await loadConfig({ cwd: dir, env: {} });
    expect(config.server).toEqual({ port: 9090, host: '0.0.0.0' });
    expect(config.log.level).toBe('debug');
    expect(config.database.sqlite_path).toBe('/var/lib/opspilot/opspilot.db');
  });

  it('lets environment variables win over the file, coercing numbers', async () => {
    await writeYaml('server:\n  port: 9090\nllm:\n  provider: ollama\n  model: llama3\n');
    const config = await loadConfig({
      cwd: dir,
      env: { OPSPILOT_SERVER_PORT: '7070', OPSPILOT_LLM_MODEL: 'qwen2.5', OPSPILOT_DATA_DIR: '/data' },
    });
    expect(config.server.port).toBe(7070);
    expect(config.llm).toEqual({ provider: 'ollama', model: 'qwen2.5' });
    expect(config.database.sqlite_path).toBe('/data/opspilot.db');
  });

  it('honours PORT and KUBECONFIG, with the OPSPILOT_ variable winning over PORT', async () => {
    expect((await loadConfig({ cwd: dir, env: { PORT: '3000' } })).server.port).toBe(3000);
    const both = await loadConfig({ cwd: dir, env: { PORT: '3000', OPSPILOT_SERVER_PORT: '4000', KUBECONFIG: '/k' } });
    expect(both.server.port).toBe(4000);
    expect(both.kube.kubeconfig).toBe('/k');
  });

  it('takes OPENAI_API_KEY or ANTHROPIC_API_KEY only for the matching provider', async () => {
    const env = { OPENAI_API_KEY: 'sk-openai', ANTHROPIC_API_KEY: 'sk-ant' };
    expect((await loadConfig({ cwd: dir, env })).llm.api_key).toBeUndefined();
    const openai = await loadConfig({ cwd: dir, env: { ...env, OPSPILOT_LLM_PROVIDER: 'openai' } });
    expect(openai.llm.api_key).toBe('sk-openai');
    await writeYaml('llm:\n  provider: anthropic\n');
    expect((await loadConfig({ cwd: dir, env })).llm.api_key).toBe('sk-ant');
  });

  it('treats empty environment variables as unset', async () => {
    const config = await loadConfig({ cwd: dir, env: { OPSPILOT_SERVER_PORT: '', OPSPILOT_LOG_LEVEL: '' } });
    expect(config.server.port).toBe(8080);
    expect(config.log.level).toBe('info');
  });

  it('applies overrides from flags over the environment and names the flag in errors', async () => {
    const env = { OPSPILOT_KUBE_NAMESPACE: 'from-env' };
    const config = await loadConfig({
      cwd: dir,
      env,
      overrides: [{ key: 'kube.namespace', value: 'from-flag', source: '--namespace' }],
    });
    expect(config.kube.namespace).toBe('from-flag');
    const error = await failure(
      loadConfig({ cwd: dir, env, overrides: [{ key: 'kube.namespace', value: 'Bad_NS', source: '--namespace' }] }),
    );
    expect(error.message).toContain('kube.namespace = "Bad_NS" (from --namespace)');
  });

  it('reads a named file (also via OPSPILOT_CONFIG) and refuses a named file that does not exist', async () => {
    await writeYaml('log:\n  level: warn\n', 'custom.yaml');
    expect((await loadConfig({ cwd: dir, env: {}, file: 'custom.yaml' })).log.level).toBe('warn');
    expect((await loadConfig({ cwd: dir, env: { OPSPILOT_CONFIG: join(dir, 'custom.yaml') } })).log.level).toBe('warn');
    const error = await failure(loadConfig({ cwd: dir, env: {}, file: 'absent.yaml' }));
    expect(error.message).toBe(`config: file ${join(dir, 'absent.yaml')} does not exist`);
    expect(error.hint).toMatch(/--config/);
  });

  it('reports YAML syntax errors with file, line and column', async () => {
    await writeYaml('server:\n  port: 8080\n  port: 9090\n');
    const error = await failure(loadConfig({ cwd: dir, env: {} }));
    expect(error.message).toMatch(new RegExp(`^config: ${join(dir, 'opspilot.yaml')}:3:3: .*unique`));
  });

  it('refuses a file whose top level is not a mapping', async () => {
    await writeYaml('- server\n- log\n');
    const error = await failure(loadConfig({ cwd: dir, env: {} }));
    expect(error.message).toMatch(/expected a mapping of configuration sections at the top level/);
  });
});

describe('loadConfig errors', () => {
  it('names key, value, expectation and the environment variable for a bad env value', async () => {
    const error = await failure(loadConfig({ cwd: dir, env: { OPSPILOT_SERVER_PORT: 'eighty' } }));
    expect(error.message).toBe(
      'config: server.port = "eighty" (from OPSPILOT_SERVER_PORT): expected an integer between 1 and 65535',
    );
    expect(error.hint).toMatch(/opspilot config validate/);
    expect(error.details?.problems).toEqual([
      {
        key: 'server.port',
        value: 'eighty',
        source: 'OPSPILOT_SERVER_PORT',
        expected: 'expected an integer between 1 and 65535',
      },
    ] satisfies ConfigProblem[]);
  });

  it('names the file path for a bad file value', async () => {
    await writeYaml('log:\n  level: verbose\n');
    const error = await failure(loadConfig({ cwd: dir, env: {} }));
    expect(error.message).toBe(
      `config: log.level = "verbose" (from file ${join(dir, 'opspilot.yaml')}): ` +
        'expected one of fatal, error, warn, info, debug, trace',
    );
  });

  it('reports every problem at once: bad values, unknown keys, missing required values', async () => {
    await writeYaml('server:\n  prot: 80\nsurver: {}\nevents:\n  bus: redis\nllm:\n  provider: gpt\n');
    const error = await failure(loadConfig({ cwd: dir, env: { OPSPILOT_SERVER_PORT: '0' } }));
    const lines = error.message.split('\n');
    expect(lines).toHaveLength(5);
    expect(lines).toEqual(
      expect.arrayContaining([
        'config: server.port = 0 (from OPSPILOT_SERVER_PORT): expected an integer between 1 and 65535',
        expect.stringMatching(/^config: server\.prot = 80 \(from file .*\): unknown key, expected one of port, host/),
        expect.stringMatching(/^config: surver = \{\} \(from file .*\): unknown key, expected one of server, data_dir/),
        expect.stringMatching(/^config: llm\.provider = "gpt" \(from file .*\): expected one of offline, openai,/),
        'config: events.redis_url is not set: expected a redis:// URL because events.bus is redis',
      ]),
    );
  });

  it('checks URLs and the encryption key, masking secrets in the message', async () => {
    const env = {
      OPSPILOT_DATABASE_URL: 'mysql://app:hunter2@db/ops',
      OPSPILOT_SECRETS_ENCRYPTION_KEY: 'not-base64-and-secret',
    };
    const error = await failure(loadConfig({ cwd: dir, env }));
    expect(error.message).toContain('database.url = "mysql://app:****@db/ops" (from OPSPILOT_DATABASE_URL)');
    expect(error.message).toContain('secrets.encryption_key = "****" (from OPSPILOT_SECRETS_ENCRYPTION_KEY)');
    expect(error.message).not.toMatch(/hunter2|not-base64/);
    const key = Buffer.alloc(32, 7).toString('base64');
    const ok = await loadConfig({ cwd: dir, env: { OPSPILOT_SECRETS_ENCRYPTION_KEY: key } });
    expect(ok.secrets.encryption_key).toBe(key);
  });

  it('requires an API key for hosted providers and a base URL for openai-compatible ones', async () => {
    const openai = await failure(loadConfig({ cwd: dir, env: { OPSPILOT_LLM_PROVIDER: 'openai' } }));
    expect(openai.message).toMatch(/llm\.api_key is not set: .*OPENAI_API_KEY/);
    const compatible = await failure(loadConfig({ cwd: dir, env: { OPSPILOT_LLM_PROVIDER: 'openai-compatible' } }));
    expect(compatible.message).toMatch(/llm\.base_url is not set/);
  });
});
