import { ConflictError, InputError, NotAllowedError, NotFoundError } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opsHarness, planOf } from './__fixtures__/opsHarness.js';

let h: Awaited<ReturnType<typeof opsHarness>>;
beforeAll(async () => {
  h = await opsHarness();
});
afterAll(() => h?.stop());

const backend = { kind: 'Deployment', name: 'backend', namespace: 'todo' };
const frontend = { kind: 'Deployment', name: 'frontend', namespace: 'todo' };
const replicasOf = async (ref: typeof backend) =>
  ((await h.gateway.get(ref))?.spec as { replicas: number } | undefined)?.replicas;

describe('the operation lifecycle against the simulated cluster', () => {
  it('scales a deployment: dry-run diff, review, apply, verify and audit', async () => {
    const request = 'scale backend to 3 replicas';
    h.plans.set(
      request,
      planOf(request, [{ op: 'scale', target: backend, replicas: 3, description: 'scale backend to 3' }]),
    );
    const proposed = await h.ops.propose(request, { user: 'alice' });
    if (proposed.kind !== 'operation') throw new Error('expected an operation');
    const op = proposed.operation;
    expect(op).toMatchObject({ state: 'NEEDS_REVIEW', risk: 'write', proposed_by: 'alice' });
    expect(op.diff).toMatch(/-\s+replicas: 2\n\+\s+replicas: 3/);
    expect(await replicasOf(backend)).toBe(2);
    await expect(h.ops.apply(op.id, { user: 'alice' })).rejects.toMatchObject({ hint: 'approve it first' });
    await h.ops.approve(op.id, { user: 'bob' });
    const applied = await h.whileRunning(h.ops.apply(op.id, { user: 'bob' }));
    expect(applied.state).toBe('APPLIED');
    expect(applied.steps).toEqual([expect.objectContaining({ status: 'applied' })]);
    expect((await h.gateway.rolloutStatus(backend)).availableReplicas).toBe(3);
    const command = await h.store.aiCommands.get(op.ai_command_id!);
    expect(command).toMatchObject({ command_type: 'OPSPILOT', applied_to_cluster: true });
    const trail = await h.store.audit.list({ target: 'deployment/todo/backend' });
    expect(trail.items.map((e) => e.action).reverse()).toEqual([
      'operation.proposed',
      'operation.approved',
      'operation.applied',
    ]);
    expect(trail.items[0]?.user_id).toBe('bob');
    expect((await h.store.audit.verify()).ok).toBe(true);
  });

  it('runs reads at once, whatever risk the planner claimed', async () => {
    const request = 'list pods in todo';
    h.plans.set(
      request,
      planOf(
        request,
        [{ op: 'list', kind: 'Pod', namespace: 'todo', show: 'default', description: 'list pods' }],
        'destructive',
      ),
    );
    const result = await h.ops.propose(request, { user: 'alice' });
    if (result.kind !== 'operation') throw new Error('expected an operation');
    expect(result.operation).toMatchObject({ state: 'APPLIED', risk: 'read' });
    expect(result.operation.result).toMatch(/todo\/frontend-\S+\tRunning/);
  });

  it('classifies writes itself: a plan claiming to be a read that deletes is a write needing review', async () => {
    const request = 'tidy up';
    h.plans.set(
      request,
      planOf(
        request,
        [
          {
            op: 'delete',
            target: { kind: 'ConfigMap', name: 'todo-config', namespace: 'todo' },
            description: 'delete cm',
          },
        ],
        'read',
      ),
    );
    const result = await h.ops.propose(request, { user: 'mallory' });
    if (result.kind !== 'operation') throw new Error('expected an operation');
    expect(result.operation).toMatchObject({ state: 'NEEDS_REVIEW', risk: 'write' });
    expect(await h.gateway.get({ kind: 'ConfigMap', name: 'todo-config', namespace: 'todo' })).toBeDefined();
  });

  it('gates destructive plans behind another approver who types the name', async () => {
    const request = 'delete namespace todo';
    h.plans.set(
      request,
      planOf(request, [
        { op: 'delete', target: { kind: 'Namespace', name: 'todo' }, description: 'delete namespace todo' },
      ]),
    );
    const result = await h.ops.propose(request, { user: 'alice' });
    if (result.kind !== 'operation') throw new Error('expected an operation');
    const op = result.operation;
    expect(op).toMatchObject({ risk: 'destructive', confirmations: ['todo'] });
    expect(op.risk_reasons).toContain('deletes Namespace todo and everything in it');
    await expect(h.ops.approve(op.id, { user: 'alice', confirmations: ['todo'] })).rejects.toThrowError(
      NotAllowedError,
    );
    await expect(h.ops.approve(op.id, { user: 'bob' })).rejects.toMatchObject({
      message: expect.stringContaining('needs its resource names typed'),
      hint: expect.stringContaining('type "todo" to confirm'),
    });
    expect((await h.ops.approve(op.id, { user: 'bob', confirmations: ['todo'] })).state).toBe('APPROVED');
    expect((await h.ops.reject(op.id, { user: 'bob', reason: 'changed my mind' })).state).toBe('REJECTED');
    expect(await h.gateway.get({ kind: 'Namespace', name: 'todo' })).toBeDefined();
  });

  it('gates a Secret delete and a privileged workload like any destructive plan, whatever the planner claimed', async () => {
    const request = 'remove db creds and run a node agent';
    h.plans.set(
      request,
      planOf(
        request,
        [
          {
            op: 'delete',
            target: { kind: 'Secret', name: 'db-creds', namespace: 'todo' },
            description: 'delete secret',
          },
          {
            op: 'apply',
            mode: 'create',
            object: {
              apiVersion: 'apps/v1',
              kind: 'Deployment',
              metadata: { name: 'node-agent', namespace: 'todo' },
              spec: {
                replicas: 1,
                selector: { matchLabels: { app: 'node-agent' } },
                template: {
                  metadata: { labels: { app: 'node-agent' } },
                  spec: {
                    containers: [
                      { name: 'agent', image: 'nginx:1.27', securityContext: { capabilities: { add: ['SYS_ADMIN'] } } },
                    ],
                  },
                },
              },
            },
            description: 'create deployment node-agent',
          },
        ],
        'write',
      ),
    );
    await h.gateway.apply({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'db-creds', namespace: 'todo' },
      stringData: { password: 'x' },
    });
    const result = await h.ops.propose(request, { user: 'alice' });
    if (result.kind !== 'operation') throw new Error('expected an operation');
    const op = result.operation;
    expect(op).toMatchObject({ state: 'NEEDS_REVIEW', risk: 'destructive', confirmations: ['db-creds', 'node-agent'] });
    expect(op.risk_reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^deletes Secret todo\/db-creds: loses the credentials/),
        'privileged: Deployment todo/node-agent container agent adds capabilities SYS_ADMIN',
      ]),
    );
    await expect(
      h.ops.approve(op.id, { user: 'alice', confirmations: ['db-creds', 'node-agent'] }),
    ).rejects.toThrowError(NotAllowedError);
    await expect(h.ops.approve(op.id, { user: 'bob', confirmations: ['db-creds'] })).rejects.toMatchObject({
      hint: expect.stringContaining('type "node-agent" to confirm'),
    });
    await h.ops.approve(op.id, { user: 'bob', confirmations: ['db-creds', 'node-agent'] });
    expect((await h.whileRunning(h.ops.apply(op.id, { user: 'bob' }))).state).toBe('APPLIED');
    expect(await h.gateway.get({ kind: 'Secret', name: 'db-creds', namespace: 'todo' })).toBeUndefined();
  });

  it('says what is wrong with a missing namespace or a negative count instead of planning anyway', async () => {
    const before = (await h.store.operations.list({})).total;
    await expect(h.ops.propose('create a configmap foo in nosuch', { user: 'alice' })).rejects.toMatchObject({
      constructor: NotFoundError,
      message: 'namespace "nosuch" not found',
      hint: expect.stringMatching(/the namespaces are .*default.*todo/),
    });
    await expect(h.ops.propose('scale backend to 3', { user: 'alice', namespace: 'nosuch' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(h.ops.propose('scale backend to -1', { user: 'alice' })).rejects.toMatchObject({
      constructor: InputError,
      message: 'replicas must be 0 or more',
    });
    expect((await h.store.operations.list({})).total).toBe(before);
  });

  it('marks a plan the API server refuses in its dry-run as INVALID, naming the step and the reason', async () => {
    const request = 'make a broken deployment';
    const bad = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'bad', namespace: 'todo' },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'a' } },
        template: { metadata: { labels: { app: 'b' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } },
      },
    };
    h.plans.set(
      request,
      planOf(request, [{ op: 'apply', mode: 'create', object: bad, description: 'create deployment bad' }]),
    );
    const result = await h.ops.propose(request, { user: 'alice' });
    if (result.kind !== 'operation') throw new Error('expected an operation');
    expect(result.operation.state).toBe('INVALID');
    expect(result.operation.problems[0]).toMatch(/step 1 \(create deployment bad\): .*selector/);
    await expect(h.ops.approve(result.operation.id, { user: 'bob' })).rejects.toThrowError(/not waiting for review/);
  });

  it('rolls back the applied steps when a later one does not verify, and says so', async () => {
    const request = 'scale frontend to 3 and move backend to 9.9.9';
    h.plans.set(
      request,
      planOf(request, [
        { op: 'scale', target: frontend, replicas: 3, description: 'scale frontend to 3' },
        {
          op: 'apply',
          mode: 'patch',
          object: {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            metadata: { name: 'backend', namespace: 'todo' },
            spec: { template: { spec: { containers: [{ name: 'backend', image: 'todo/backend:9.9.9' }] } } },
          },
          description: 'set image of backend to todo/backend:9.9.9',
        },
      ]),
    );
    const result = await h.ops.propose(request, { user: 'alice' });
    if (result.kind !== 'operation') throw new Error('expected an operation');
    expect(result.operation.diff).toContain('todo/backend:9.9.9');
    await h.ops.approve(result.operation.id, { user: 'bob' });
    const done = await h.whileRunning(h.ops.apply(result.operation.id, { user: 'bob' }));
    expect(done.state).toBe('FAILED');
    expect(done.steps.map((s) => s.status)).toEqual(['rolled_back', 'rolled_back']);
    expect(done.steps[1]?.message).toBe('patch the previous values back');
    expect(done.result).toMatch(/verification failed: not reached within 60s/);
    expect(await replicasOf(frontend)).toBe(2);
    const image = (
      (await h.gateway.get(backend))?.spec as { template: { spec: { containers: { image: string }[] } } } | undefined
    )?.template.spec.containers[0]?.image;
    expect(image).toBe('todo/backend:1.0');
    const failed = await h.store.audit.list({ action: 'operation.failed' });
    expect(failed.items[0]?.status).toBe('ERROR');
  });
});

describe('state transitions are compare-and-set: a decided operation cannot be decided again', () => {
  const propose = async (request: string) => {
    h.plans.set(
      request,
      planOf(request, [
        {
          op: 'apply',
          mode: 'patch',
          object: {
            apiVersion: 'v1',
            kind: 'ConfigMap',
            metadata: { name: 'todo-config', namespace: 'todo', labels: { touched: request.replace(/\W/g, '-') } },
          },
          description: 'label todo-config',
        },
      ]),
    );
    const result = await h.ops.propose(request, { user: 'alice' });
    if (result.kind !== 'operation') throw new Error('expected an operation');
    return result.operation;
  };
  const trailOf = async (id: string) =>
    (await h.store.audit.list({}, { page_size: 100 })).items
      .filter((e) => e.details.operation_id === id)
      .map((e) => e.action)
      .reverse();

  it('answers a second rejection with a ConflictError and keeps the first reason and one audit entry', async () => {
    const op = await propose('transitions reject twice');
    await h.ops.reject(op.id, { user: 'bob', reason: 'first' });
    const again = await h.ops.reject(op.id, { user: 'carol', reason: 'second' }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(ConflictError);
    expect(again).toMatchObject({ message: expect.stringContaining('REJECTED') });
    expect((await h.ops.get(op.id)).result).toBe('first');
    expect(await trailOf(op.id)).toEqual(['operation.proposed', 'operation.rejected']);
  });

  it('refuses approve twice, approve or apply after a rejection, and reject or apply after applying', async () => {
    const rejected = await propose('transitions after reject');
    await h.ops.reject(rejected.id, { user: 'bob' });
    await expect(h.ops.approve(rejected.id, { user: 'bob' })).rejects.toBeInstanceOf(ConflictError);
    await expect(h.ops.apply(rejected.id, { user: 'bob' })).rejects.toBeInstanceOf(ConflictError);

    const op = await propose('transitions approve twice');
    await h.ops.approve(op.id, { user: 'bob' });
    await expect(h.ops.approve(op.id, { user: 'carol' })).rejects.toBeInstanceOf(ConflictError);
    expect((await h.ops.get(op.id)).approved_by).toBe('bob');
    expect((await h.whileRunning(h.ops.apply(op.id, { user: 'bob' }))).state).toBe('APPLIED');
    await expect(h.ops.apply(op.id, { user: 'bob' })).rejects.toBeInstanceOf(ConflictError);
    await expect(h.ops.reject(op.id, { user: 'bob' })).rejects.toBeInstanceOf(ConflictError);
    expect(await trailOf(op.id)).toEqual(['operation.proposed', 'operation.approved', 'operation.applied']);
    expect(await trailOf(rejected.id)).toEqual(['operation.proposed', 'operation.rejected']);
  });
});
