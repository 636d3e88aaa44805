import { type Finding, type KubeObject, ManualClock } from '@opspilot/core';
import { createClusterGateway, diffObjects } from '@opspilot/kube';
import { startSimCluster } from '@opspilot/kube-sim';
import { advanceClock } from '@opspilot/kube-sim/testing';
import { openTestStore } from '@opspilot/store/testing';
import { createRemediator, type RemediatorDeps } from '../createRemediator.js';
import { currentFindings } from '../currentFindings.js';

/**
 * The simulated cluster over HTTPS through `@opspilot/kube`, a SQLite store (operations, audit chain) and the
 * remediator over them, with helpers to plant a failure, wait for its finding and run work while the clock moves.
 */
export async function remediateHarness(options: { images?: { repository: string; tags: string[] }[]; deps?: Partial<RemediatorDeps> } = {}) {
  const clock = new ManualClock(new Date('2026-03-01T09:00:00Z'));
  const sim = await startSimCluster({ clock, ...(options.images ? { images: options.images as never } : {}) });
  const gateway = createClusterGateway({ kubeconfigYaml: sim.kubeconfig, clock });
  const t = await openTestStore('sqlite');
  const deps: RemediatorDeps = {
    gateway,
    operations: t.store.operations,
    audit: t.store.audit,
    commands: t.store.aiCommands,
    clock,
    diff: diffObjects,
    verifyTimeoutMs: 120_000,
    pollMs: 1000,
    recovery: { timeoutMs: 180_000, settleMs: 30_000, pollMs: 2000 },
    ...options.deps,
  };
  const remediator = createRemediator(deps);
  const whileRunning = async <T>(work: Promise<T>, stepMs = 1000): Promise<T> => {
    let settled = false;
    const done = work.finally(() => {
      settled = true;
    });
    done.catch(() => undefined);
    while (!settled) await advanceClock(clock, stepMs, stepMs);
    return done;
  };
  /** Moves the clock on (1 s steps) until a finding of `analyzer` about `name…` shows, or `maxMs` passes. */
  const findingFor = async (analyzer: string, namePrefix: string, namespace: string, maxMs = 300_000): Promise<Finding> => {
    for (let waited = 0; ; waited += 5000) {
      const found = (await currentFindings(gateway, clock.now(), { namespace })).find(
        (f) => f.analyzer === analyzer && f.resource.name.startsWith(namePrefix),
      );
      if (found) return found;
      if (waited >= maxMs) throw new Error(`no ${analyzer} finding for ${namePrefix} within ${maxMs / 1000}s`);
      await advanceClock(clock, 5000);
    }
  };
  const apply = async (...objects: KubeObject[]) => {
    for (const o of objects) await gateway.apply(o);
  };
  return {
    sim,
    clock,
    gateway,
    store: t.store,
    remediator,
    deps,
    whileRunning,
    findingFor,
    apply,
    advance: (ms: number, stepMs = 1000) => advanceClock(clock, ms, stepMs),
    stop: async () => {
      await sim.stop();
      await t.cleanup();
    },
  };
}

/** A Deployment of one container in `namespace`, labelled `app: name`. */
export function deployment(namespace: string, name: string, container: Record<string, unknown>, pod: Record<string, unknown> = {}, replicas = 2): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'app', image: 'nginx:1.27', ports: [{ containerPort: 80, name: 'http' }], ...container }], ...pod },
      },
    },
  } as KubeObject;
}

/** A Namespace object. */
export const namespace = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
