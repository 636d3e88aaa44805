import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ManualClock, systemClock } from '@opspilot/core';
import { createClusterGateway, diffObjects } from '@opspilot/kube';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { openStore, type Store } from '@opspilot/store';
import { DIALECTS, TEST_DATABASE_URL } from '@opspilot/store/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planOf } from './__fixtures__/opsHarness.js';
import { createOperations } from './operations.js';

// A real child process applies a two-step operation against the simulated cluster over HTTPS and is killed right
// after step 1 was applied and verified (it says so on stdout, then waits): with SIGKILL the operation is left
// APPLYING with a lease nobody renews, and recovery reconciles it; with SIGTERM the child stops after step 1 and
// records the operation itself. On SQLite and PostgreSQL.
const DRIVER = fileURLToPath(new URL('./__fixtures__/applyDriver.ts', import.meta.url));
const frontend = { kind: 'Deployment', name: 'frontend', namespace: 'todo' };
const backend = { kind: 'Deployment', name: 'backend', namespace: 'todo' };
const REQUEST = 'scale frontend and backend to 3';

let sim: SimCluster;
const dir = mkdtempSync(join(tmpdir(), 'opspilot-fault-'));
const kubeconfig = join(dir, 'kubeconfig.yaml');
beforeAll(async () => {
  sim = await startSimCluster({ scenario: 'demo' });
  writeFileSync(kubeconfig, sim.kubeconfig);
});
afterAll(async () => {
  await sim?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Resolves when the child prints `line` (rejects if it exits first). */
function printed(child: ChildProcess, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes(line)) resolve();
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`driver exited ${code} before "${line}": ${out}\n${err}`)));
  });
}
const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

describe.each(DIALECTS)('an apply killed mid-way on %s', (dialect) => {
  const key = randomBytes(32).toString('base64');
  const schema = `opspilot_fault_${randomBytes(4).toString('hex')}`;
  const where =
    dialect === 'postgres'
      ? { DRIVER_DATABASE_URL: TEST_DATABASE_URL, DRIVER_SCHEMA: schema }
      : { DRIVER_SQLITE_PATH: join(dir, `${dialect}.db`) };
  let store: Store;
  beforeAll(async () => {
    store = await openStore({
      ...(dialect === 'postgres'
        ? { databaseUrl: TEST_DATABASE_URL, postgresSchema: schema }
        : { sqlitePath: where.DRIVER_SQLITE_PATH }),
      encryptionKey: key,
    });
    await store.migrate();
  });
  afterAll(async () => {
    if (dialect === 'postgres') await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(store.db);
    await store?.close();
  });

  const gateway = () => createClusterGateway({ kubeconfigYaml: sim.kubeconfig });
  const lifecycle = (clock = systemClock as ManualClock | typeof systemClock) =>
    createOperations({
      gateway: gateway(),
      operations: store.operations,
      audit: store.audit,
      clock,
      planner: async () =>
        planOf(REQUEST, [
          { op: 'scale', target: frontend, replicas: 3, description: 'scale frontend to 3' },
          { op: 'scale', target: backend, replicas: 3, description: 'scale backend to 3' },
        ]),
      diff: diffObjects,
      leaseOwner: 'test:recoverer',
    });
  const replicas = async (ref: typeof frontend) =>
    ((await gateway().get(ref))?.spec as { replicas: number } | undefined)?.replicas;
  const settled = async () => {
    await expect
      .poll(async () => (await gateway().rolloutStatus(frontend)).availableReplicas, { timeout: 30_000 })
      .toBe(2);
  };
  const startDriver = async () => {
    const proposed = await lifecycle().propose(REQUEST, { user: 'alice' });
    if (proposed.kind !== 'operation') throw new Error('expected an operation');
    await lifecycle().approve(proposed.operation.id, { user: 'bob' });
    const child = spawn(process.execPath, ['--import', 'tsx', DRIVER], {
      env: {
        ...process.env,
        ...where,
        DRIVER_KEY: key,
        DRIVER_KUBECONFIG: kubeconfig,
        DRIVER_OPERATION: proposed.operation.id,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await printed(child, 'step 1 applied');
    return { id: proposed.operation.id, child };
  };
  const trail = async (id: string) =>
    (await store.audit.list({}, { page_size: 100 })).items.filter((e) => e.details.operation_id === id).reverse();

  it('SIGKILL: the operation is left APPLYING, then reconciled, rolled back and audited once its lease expired', async () => {
    await settled();
    const { id, child } = await startDriver();
    expect(await replicas(frontend)).toBe(3);
    child.kill('SIGKILL');
    await exited(child);
    expect((await store.operations.get(id))?.state).toBe('APPLYING');
    // Still leased: nobody takes it over before the lease runs out.
    expect(await lifecycle().recover()).toEqual([]);
    const later = new ManualClock(new Date(Date.now() + 31_000));
    const [recovered] = await lifecycle(later).recover();
    expect(recovered).toMatchObject({ id, state: 'FAILED' });
    expect(recovered?.steps.map((s) => s.status)).toEqual(['rolled_back', 'skipped']);
    expect(recovered?.result).toMatch(/after its applier \(driver:\d+\) stopped and its lease expired/);
    expect(await replicas(frontend)).toBe(2);
    expect(await replicas(backend)).toBe(2);
    const entries = await trail(id);
    expect(entries.map((e) => e.action)).toEqual(['operation.proposed', 'operation.approved', 'operation.recovered']);
    expect(entries[2]).toMatchObject({
      status: 'ERROR',
      details: {
        state: 'FAILED',
        found: ['step 1 (scale frontend to 3): applied and verified before the stop, found in effect'],
      },
    });
    await expect(lifecycle().reject(id, { user: 'bob' })).rejects.toThrowError(/FAILED/);
  });

  it('SIGTERM: the driver stops after step 1, rolls it back and records FAILED itself', async () => {
    await settled();
    const { id, child } = await startDriver();
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
    const op = await store.operations.get(id);
    expect(op).toMatchObject({ state: 'FAILED' });
    expect(op?.steps.map((s) => s.status)).toEqual(['rolled_back', 'failed']);
    expect(op?.steps[1]?.message).toBe('interrupted: received SIGTERM');
    expect(await replicas(frontend)).toBe(2);
    expect((await trail(id)).map((e) => e.action)).toEqual([
      'operation.proposed',
      'operation.approved',
      'operation.failed',
    ]);
    expect(await lifecycle(new ManualClock(new Date(Date.now() + 3_600_000))).recover()).toEqual([]);
  });
});
