import { InputError, NotFoundError } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayFixture, runFor, startGateway } from './__fixtures__/startGateway.js';

let f: GatewayFixture;
let pod: string;
beforeAll(async () => {
  f = await startGateway({ scenario: 'demo' });
  await runFor(f, 60_000, 5_000);
  const pods = await f.gateway.list('Pod', { namespace: 'todo', labelSelector: 'app=backend' });
  pod = pods[0]?.metadata.name ?? '';
});
afterAll(async () => f?.sim.stop());

describe('logs', () => {
  it('returns the last lines of a pod container', async () => {
    const all = await f.gateway.logs({ kind: 'Pod', name: pod, namespace: 'todo' });
    const lines = all.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(2);
    const tail = await f.gateway.logs({ kind: 'Pod', name: pod, namespace: 'todo' }, { tailLines: 2 });
    expect(tail.trimEnd().split('\n')).toEqual(lines.slice(-2));
  });

  it('prefixes timestamps when asked', async () => {
    const stamped = await f.gateway.logs(
      { kind: 'Pod', name: pod, namespace: 'todo' },
      { tailLines: 1, timestamps: true },
    );
    expect(stamped).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z /);
  });

  it('names the pod when it does not exist, and the containers when one is unknown', async () => {
    const missing = await f.gateway.logs({ kind: 'Pod', name: 'ghost', namespace: 'todo' }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect((missing as Error).message).toBe('Pod "ghost" not found in namespace "todo"');
    const badContainer = await f.gateway
      .logs({ kind: 'Pod', name: pod, namespace: 'todo' }, { container: 'nope' })
      .catch((e: unknown) => e);
    expect(badContainer).toBeInstanceOf(InputError);
    expect((badContainer as Error).message).toContain('nope');
  });
});
