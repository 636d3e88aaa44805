import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { openStore } from '@opspilot/store';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

const cwd = mkdtempSync(join(tmpdir(), 'opspilot-cli-generate-'));
const env = { OPSPILOT_DATA_DIR: join(cwd, 'data') };
const TODO = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  '..',
  'packages',
  'manifests',
  'src',
  '__fixtures__',
  'todo-app',
);
const SHOP = join(TODO, '..', '..', 'generate', '__fixtures__', 'monorepos', 'polyglot-shop');
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

async function withStoreAt<T>(fn: (store: Awaited<ReturnType<typeof openStore>>) => Promise<T>): Promise<T> {
  const store = await openStore({ sqlitePath: join(cwd, 'data', 'opspilot.db') });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

describe('opspilot generate', () => {
  it('prints a deployment, its validation summary and the stored id, and stores it awaiting review', async () => {
    const io = memoryIo(env, cwd);
    const code = await runCli(
      ['generate', 'deployment', 'api image ghcr.io/acme/api:1.4 3 replicas port 8080 512Mi', '--user', 'alice'],
      io,
    );
    expect(code, io.err()).toBe(0);
    const out = io.out();
    expect(out).toContain('kind: Deployment');
    expect(out).toContain('image: ghcr.io/acme/api:1.4');
    expect(out).toMatch(/# validation: valid — 0 error\(s\)/);
    const id = /# stored ([0-9a-f-]{36}) NEEDS_REVIEW k8s\/api-deployment\.yaml/.exec(out)?.[1];
    expect(id).toBeDefined();
    const { config, audit } = await withStoreAt(async (store) => ({
      config: await store.generatedConfigs.get(id!),
      audit: await store.audit.list({ target: `generated_config/${id}` }),
    }));
    expect(config).toMatchObject({
      state: 'NEEDS_REVIEW',
      resource_type: 'Deployment',
      generator_tool: 'opspilot-generate',
    });
    expect(config.ai_command_id).toBeDefined();
    expect(audit.items.map((e) => [e.action, e.user_id]).reverse()).toEqual([
      ['generated_config.generated', 'alice'],
      ['generated_config.validation', 'alice'],
      ['generated_config.needs_review', 'alice'],
    ]);
  });

  it('answers -o json and exits 1 naming the words it did not use', async () => {
    const io = memoryIo(env, cwd);
    expect(await runCli(['-o', 'json', 'generate', 'service', 'web', 'port', '80', 'sparkly'], io)).toBe(1);
    const result = JSON.parse(io.out());
    expect(result.issues).toEqual([{ text: 'sparkly', reason: 'not understood' }]);
    expect(result.files).toHaveLength(1);
    expect(result.files[0]).toMatchObject({
      path: 'k8s/web-service.yaml',
      resource_type: 'Service',
      state: 'NEEDS_REVIEW',
    });
    expect(result.validation.valid).toBe(true);
  });

  it('exits 2 with a hint when the description cannot make a manifest', async () => {
    const io = memoryIo(env, cwd);
    expect(await runCli(['generate', 'deployment', 'api image nginx'], io)).toBe(2);
    expect(io.err()).toContain('must be pinned');
    expect(io.err()).toContain('hint:');
    const bad = memoryIo(env, cwd);
    expect(await runCli(['generate', 'gizmo', 'x'], bad)).toBe(2);
    expect(bad.err()).toContain('helm-chart');
  });

  it('writes the Todo app Helm chart with --out and stores every file', async () => {
    const out = join(cwd, 'out');
    const io = memoryIo(env, cwd);
    const code = await runCli(
      ['-o', 'json', 'generate', 'helm-chart', '--from', TODO, '--name', 'todo', '--out', out],
      io,
    );
    const result = JSON.parse(io.out());
    expect(result.validation.errors).toBe(0);
    expect(result.findings.map((f: { rule: string }) => f.rule)).not.toContain('helm-unavailable');
    expect(code).toBe(0);
    expect(result.project.apps.map((a: { name: string }) => a.name)).toEqual(['backend', 'frontend']);
    expect(readFileSync(join(out, 'charts/todo/Chart.yaml'), 'utf8')).toContain('name: todo');
    expect(result.files.every((f: { state: string }) => f.state === 'NEEDS_REVIEW')).toBe(true);
    expect(result.files[0].content).toBeUndefined();
    const chart = await withStoreAt((store) => store.helmCharts.get(result.records.helm_chart));
    expect(chart).toMatchObject({ name: 'todo', version: '0.1.0' });
    const resources = await withStoreAt((store) => store.kubernetesResources.list({ helm_chart_id: chart.id }));
    expect(resources.items.map((r) => `${r.kind}/${r.name}`)).toEqual(
      expect.arrayContaining(['Deployment/backend', 'Deployment/frontend', 'Ingress/todo', 'ConfigMap/todo-config']),
    );
    const again = memoryIo(env, cwd);
    expect(await runCli(['generate', 'helm-chart', '--from', TODO, '--name', 'todo', '--out', out], again)).toBe(2);
    expect(again.err()).toContain('--force');
  });

  it('prints the Dockerfiles of the Todo app with the detected apps', async () => {
    const io = memoryIo(env, cwd);
    expect(await runCli(['generate', 'dockerfile', '--from', TODO], io)).toBe(0);
    expect(io.out()).toContain('# file: frontend/Dockerfile');
    expect(io.out()).toContain('# app backend (backend): fastapi (python 3.12, pip), port 8000, health /health');
    expect(io.out()).toContain('# recorded 2 Docker image(s)');
    const images = await withStoreAt((store) => store.dockerImages.list({ name: 'todo-app/frontend' }));
    expect(images.items[0]).toMatchObject({ tag: '1.0.0', base_image: 'node:20.18.1-alpine3.20' });
  });

  it('puts plain manifests into the namespace of -n', async () => {
    const io = memoryIo(env, cwd);
    expect(await runCli(['-o', 'json', '-n', 'todo', 'generate', 'k8s', '--from', TODO, '--name', 'todo'], io)).toBe(0);
    const files = JSON.parse(io.out()).files as { path: string; content: string }[];
    expect(files.map((f) => f.path)).toEqual([
      'k8s/backend.yaml',
      'k8s/frontend.yaml',
      'k8s/config.yaml',
      'k8s/ingress.yaml',
    ]);
    for (const file of files) expect(file.content).toContain('namespace: todo');
  });

  it('generates for the services chosen with --service in a monorepo, and lists them when one is unknown', async () => {
    const io = memoryIo(env, cwd);
    const args = ['-o', 'json', 'generate', 'dockerfile', '--from', SHOP, '--service', 'server', '--service', 'search'];
    expect(await runCli(args, io), io.err()).toBe(0);
    const result = JSON.parse(io.out());
    expect(result.project.apps.map((a: { name: string }) => a.name)).toEqual(['server', 'search']);
    // search is built from its own Dockerfile: validated and reported, not generated or stored.
    expect(result.files.map((f: { path: string }) => f.path)).toEqual([
      'apps/server/Dockerfile',
      'apps/server/Dockerfile.dockerignore',
    ]);
    expect(result.own_dockerfiles).toMatchObject({ files: ['services/search/Dockerfile'], valid: true });
    expect(result.project.apps[1]).toMatchObject({ dockerfile: 'services/search/Dockerfile', probe: 'tcp' });
    expect(result.project.notes[0]).toContain('postgres (postgres:16.4)');

    const text = memoryIo(env, cwd);
    expect(await runCli(['generate', 'k8s', '--from', SHOP], text)).toBe(0);
    expect(text.out()).toContain('# 5 services; choose with --service NAME');
    expect(text.out()).toContain('#   note: apps/admin/Dockerfile exposes port 3100');

    const unknown = memoryIo(env, cwd);
    expect(await runCli(['generate', 'helm-chart', '--from', SHOP, '--service', 'api'], unknown)).toBe(2);
    expect(unknown.err()).toContain('no service "api"');
    expect(unknown.err()).toContain('payments (services/payments: go, port 8070)');
    expect(unknown.err()).toContain('--service');
  });

  it("exits 1 and shows the finding when a service's own Dockerfile has an ERROR, as validate does", async () => {
    const project = join(cwd, 'own-dockerfile-error');
    const write = (path: string, content: string) => {
      mkdirSync(dirname(join(project, path)), { recursive: true });
      writeFileSync(join(project, path), content);
    };
    write('go.work', 'go 1.23\n\nuse ./services/api\n');
    write('services/api/go.mod', 'module example.com/shop/api\n\ngo 1.23\n');
    write(
      'services/api/main.go',
      'package main\n\nimport "net/http"\n\nfunc main() {\n\thttp.ListenAndServe(":8080", nil)\n}\n',
    );
    write(
      'services/legacy/Dockerfile',
      'FROM nginx:1.27.2-alpine\nCOPY site /usr/share/nginx/html\nUSER root\nEXPOSE 8081\nCMD ["nginx", "-g", "daemon off;"]\n',
    );
    const io = memoryIo(env, cwd);
    expect(await runCli(['generate', 'dockerfile', '--from', project], io), io.err()).toBe(1);
    expect(io.out()).toContain('# validation: valid');
    expect(io.out()).toMatch(
      /own Dockerfiles \(used, not generated\): services\/legacy\/Dockerfile — INVALID, 1 error/,
    );
    expect(io.out()).toMatch(/# {3}ERROR services\/legacy\/Dockerfile:3 \[docker-user-not-root\]/);
    const json = memoryIo(env, cwd);
    expect(await runCli(['-o', 'json', 'generate', 'k8s', '--from', project, '--service', 'legacy'], json)).toBe(1);
    expect(JSON.parse(json.out()).own_dockerfiles).toMatchObject({ valid: false, errors: 1 });
    // Choosing only the generated service leaves the broken Dockerfile out: exit 0.
    const api = memoryIo(env, cwd);
    expect(await runCli(['generate', 'dockerfile', '--from', project, '--service', 'api'], api), api.err()).toBe(0);
  });

  describe('on a terminal, without --service', () => {
    /** A terminal for the prompt: keys written to it are what the person types. */
    const terminalIo = () => {
      const keys = new PassThrough() as PassThrough & { isTTY: boolean };
      keys.isTTY = true;
      const io = memoryIo(env, cwd);
      io.terminal = keys as unknown as NodeJS.ReadStream;
      return { io, keys };
    };

    it('asks which services of a monorepo to generate for, every one checked; Enter keeps them all', async () => {
      const { io, keys } = terminalIo();
      const run = runCli(['generate', 'dockerfile', '--from', SHOP], io);
      await vi.waitFor(() => expect(io.err()).toContain('has 5 services: which to generate for?'), { timeout: 20_000 });
      expect(io.err()).toContain('payments  (services/payments: go, port 8070)');
      keys.write('\r');
      expect(await run, io.err()).toBe(0);
      expect(io.out().match(/^# app /gm)).toHaveLength(5);
      expect(io.out()).not.toContain('which to generate for');
    });

    it('generates only the services ticked', async () => {
      const { io, keys } = terminalIo();
      const run = runCli(['generate', 'k8s', '--from', SHOP], io);
      await vi.waitFor(() => expect(io.err()).toContain('which to generate for?'), { timeout: 20_000 });
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the prompt's colours and cursor moves
      const shown = io.err().replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
      const first = /❯\s*◉\s*([a-z-]+)\s/.exec(shown)?.[1];
      expect(first, shown).toBeDefined();
      keys.write('a'); // untick all
      keys.write(' '); // tick the first
      keys.write('\r');
      expect(await run, io.err()).toBe(0);
      expect(io.out().match(/^# app ([a-z-]+)/gm)).toEqual([`# app ${first}`]);
    });

    it('asks nothing with -o json, with --service or for a project of one service', async () => {
      for (const args of [
        ['-o', 'json', 'generate', 'k8s', '--from', SHOP],
        ['generate', 'k8s', '--from', SHOP, '--service', 'payments'],
        ['generate', 'dockerfile', '--from', TODO, '--service', 'backend'],
      ]) {
        const { io } = terminalIo();
        expect(await runCli(args, io), io.err()).toBe(0);
        expect(io.err()).not.toContain('which to generate for');
      }
    });
  });

  it('off a terminal generates every service of a monorepo without asking', async () => {
    const io = memoryIo(env, cwd);
    expect(await runCli(['generate', 'dockerfile', '--from', SHOP], io), io.err()).toBe(0);
    expect(io.out().match(/^# app /gm)).toHaveLength(5);
    expect(io.err()).not.toContain('which to generate for');
  });

  it('refuses a project target without --from and a missing folder', async () => {
    const io = memoryIo(env, cwd);
    expect(await runCli(['generate', 'k8s'], io)).toBe(2);
    expect(io.err()).toContain('--from');
    const missing = memoryIo(env, cwd);
    expect(await runCli(['generate', 'k8s', '--from', join(cwd, 'nope')], missing)).toBe(2);
    expect(missing.err()).toContain('not found');
  });
});

describe('opspilot generate, run again', () => {
  const again = mkdtempSync(join(tmpdir(), 'opspilot-cli-regenerate-'));
  const againEnv = { OPSPILOT_DATA_DIR: join(again, 'data') };
  afterAll(() => rmSync(again, { recursive: true, force: true }));

  const generate = async (...args: string[]) => {
    const io = memoryIo(againEnv, again);
    const code = await runCli(['-o', 'json', 'generate', ...args], io);
    expect(code, io.err()).toBe(0);
    return JSON.parse(io.out()) as {
      records: { revision: number; helm_chart?: string; docker_images: string[]; kubernetes_resources: string[] };
      files: { id: string; revision: number; state: string }[];
    };
  };

  it.each([
    ['helm-chart', ['helm-chart', '--from', TODO, '--name', 'todo']],
    ['dockerfile', ['dockerfile', '--from', TODO]],
    ['manifest', ['deployment', 'api image ghcr.io/acme/api:1.4 port 8080']],
  ])(
    'stores a new revision of the same %s records, keeps the earlier one and starts review anew',
    async (_kind, args) => {
      const first = await generate(...args);
      const second = await generate(...args);
      const third = await generate(...args);
      expect([first, second, third].map((r) => r.records.revision)).toEqual([1, 2, 3]);
      for (const run of [second, third]) {
        expect(run.files.length).toBeGreaterThan(0);
        expect(run.files.every((f) => f.state === 'NEEDS_REVIEW')).toBe(true);
      }
      expect(third.files.every((f) => f.revision === 3)).toBe(true);
      await withStore(async (store) => {
        for (const run of [first, second, third]) {
          const config = await store.generatedConfigs.get(run.files[0]!.id);
          expect(config).toMatchObject({ revision: run.records.revision, state: 'NEEDS_REVIEW' });
          if (run.records.helm_chart) {
            expect(await store.helmCharts.get(run.records.helm_chart)).toMatchObject({
              name: 'todo',
              version: '0.1.0',
              revision: run.records.revision,
            });
          }
          for (const id of [...run.records.docker_images, ...run.records.kubernetes_resources]) {
            const record = run.records.docker_images.includes(id)
              ? await store.dockerImages.get(id)
              : await store.kubernetesResources.get(id);
            expect(record.revision).toBe(run.records.revision);
          }
        }
      });
    },
  );

  async function withStore(fn: (store: Awaited<ReturnType<typeof openStore>>) => Promise<void>): Promise<void> {
    const store = await openStore({ sqlitePath: join(again, 'data', 'opspilot.db') });
    try {
      await fn(store);
    } finally {
      await store.close();
    }
  }
});
