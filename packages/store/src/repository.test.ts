import { ConflictError, InputError, NotFoundError } from '@opspilot/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from './openStore.js';
import { DIALECTS, openTestStore, type TestStore } from './testing/index.js';

describe.each(DIALECTS)('repositories on %s', (dialect) => {
  let t: TestStore;
  let store: Store;
  beforeAll(async () => {
    t = await openTestStore(dialect);
    store = t.store;
  });
  afterAll(async () => t?.cleanup());

  it('migrates once: a second run applies nothing', async () => {
    expect(await store.migrate()).toEqual({ applied: [] });
  });

  it('creates with defaults, reads back, updates and deletes', async () => {
    const incident = await store.incidents.create({ title: 'backend down', severity: 'CRITICAL' });
    expect(incident).toMatchObject({ status: 'DETECTED', affected_resources: [] });
    expect(await store.incidents.get(incident.id)).toEqual(incident);
    const updated = await store.incidents.update(incident.id, { status: 'INVESTIGATING', root_cause: 'OOM' });
    expect(await store.incidents.get(incident.id)).toEqual(updated);
    await store.incidents.delete(incident.id);
    await expect(store.incidents.get(incident.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.incidents.delete(incident.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('round-trips JSON, boolean and optional columns exactly', async () => {
    const resource = await store.kubernetesResources.create({
      kind: 'Deployment',
      api_version: 'apps/v1',
      name: 'backend',
      namespace: 'todo',
      parameters: { replicas: 3, resources: { limits: { memory: '512Mi' } }, ports: [8000] },
      labels: { app: 'backend' },
      health: { ready: false, message: 'rolling out' },
    });
    expect(await store.kubernetesResources.get(resource.id)).toEqual(resource);
    const command = await store.aiCommands.create({
      command_type: 'OPSPILOT',
      natural_language_input: 'scale backend to 3 replicas',
      generated_output: 'kubectl scale deployment backend --replicas=3',
      validation_status: 'VALID',
      applied_to_cluster: true,
    });
    expect((await store.aiCommands.get(command.id)).applied_to_cluster).toBe(true);
  });

  it('paginates newest first and filters by column', async () => {
    const pipeline = await store.pipelines.create({ name: 'ci', config: { stages: ['test'] } });
    for (let i = 0; i < 25; i++) {
      await store.pipelineRuns.insert({
        id: crypto.randomUUID(),
        pipeline_id: pipeline.id,
        status: i % 5 === 0 ? 'FAILED' : 'SUCCEEDED',
        trigger: 'push',
        stages: [],
        created_at: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
      });
    }
    const page2 = await store.pipelineRuns.list({ pipeline_id: pipeline.id }, { page: 2, page_size: 10 });
    expect(page2).toMatchObject({ total: 25, page: 2, page_size: 10, total_pages: 3 });
    expect(page2.items).toHaveLength(10);
    expect(page2.items[0]!.created_at).toBe('2026-01-01T00:14:00.000Z');
    const failed = await store.pipelineRuns.list({ pipeline_id: pipeline.id, status: 'FAILED' });
    expect(failed.total).toBe(5);
    await expect(store.pipelineRuns.list({}, { page_size: 101 })).rejects.toThrow();
  });

  it('turns invalid input, duplicates and dangling references into typed errors', async () => {
    await expect(store.incidents.create({ title: '', severity: 'BAD' } as never)).rejects.toBeInstanceOf(InputError);
    await store.clusters.create({ name: 'prod-east-1', api_server_url: 'https://api.example.com:6443' });
    await expect(
      store.clusters.create({ name: 'prod-east-1', api_server_url: 'https://other.example.com' }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      store.incidentActions.create({ incident_id: crypto.randomUUID(), action_type: 'restart', actor: 'system' }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it('rolls a transaction back entirely when it throws', async () => {
    const before = (await store.runbooks.list()).total;
    await expect(
      store.transaction(async (tx) => {
        await tx.runbooks.create({
          name: 'r',
          steps: [{ id: 's', name: 's', action: 'pod:restart', effect: 'WRITE' }],
        });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect((await store.runbooks.list()).total).toBe(before);
  });

  it('keeps cluster kubeconfigs encrypted at rest and out of the public shape', async () => {
    const cluster = await store.clusters.create({ name: 'edge-01', api_server_url: 'https://edge.example.com:6443' });
    const kubeconfig = 'apiVersion: v1\nkind: Config\nusers: [{name: admin, user: {token: s3cr3t-token}}]';
    const pub = await store.clusters.setCredentials(cluster.id, { auth_type: 'KUBECONFIG', kubeconfig });
    expect(JSON.stringify(pub)).not.toContain('s3cr3t');
    const raw = await sql<{ k: string }>`select kubeconfig_encrypted as k from cluster_credentials`.execute(store.db);
    expect(raw.rows.map((r) => r.k).join()).not.toContain('s3cr3t');
    expect(await store.clusters.getKubeconfig(cluster.id)).toBe(kubeconfig);
    expect((await store.clusters.findByName('edge-01'))?.id).toBe(cluster.id);
    await store.clusters.delete(cluster.id);
    await expect(store.clusters.getPublicCredentials(cluster.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('moves generated configurations only along the seed-000 state machine', async () => {
    const cfg = await store.generatedConfigs.create({
      file_path: 'k8s/a.yaml',
      content: 'kind: Service',
      generator_tool: 'opspilot',
      resource_type: 'Service',
    });
    expect(cfg.state).toBe('GENERATED');
    await store.generatedConfigs.transition(cfg.id, 'VALIDATION');
    await expect(store.generatedConfigs.transition(cfg.id, 'APPLIED')).rejects.toBeInstanceOf(ConflictError);
    expect((await store.generatedConfigs.get(cfg.id)).state).toBe('VALIDATION');
    const review = await store.reviews.create({
      generated_config_id: cfg.id,
      reviewer_id: 'bob',
      approval_status: 'NEEDS_CHANGES',
    });
    expect(await store.reviews.get(review.review_id)).toEqual(review);
  });

  it('counts chat messages on their session', async () => {
    const session = await store.chat.sessions.create({ user_id: 'alice', title: 'GPU investigation' });
    await store.chat.addMessage(session.id, { role: 'USER', content: 'why is gpu-0 idle?' });
    await store.chat.addMessage(session.id, {
      role: 'ASSISTANT',
      content: 'checking',
      tool_calls: [{ id: 't1', name: 'query_metrics', arguments: { q: 'up' } }],
    });
    expect((await store.chat.sessions.get(session.id)).message_count).toBe(2);
    const messages = await store.chat.messages.list({ session_id: session.id });
    expect(messages.items.map((m) => m.role).sort()).toEqual(['ASSISTANT', 'USER']);
    await expect(store.chat.addMessage(crypto.randomUUID(), { role: 'USER', content: 'x' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
