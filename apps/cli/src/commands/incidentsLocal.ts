import type { OpspilotConfig } from '@opspilot/config';
import { type Clock, systemClock } from '@opspilot/core';
import {
  actionCatalog,
  createIncidentCommander,
  createIncidentEngine,
  createRunbookLibrary,
  createRunbookRunner,
  type IncidentCommander,
} from '@opspilot/incidents';
import { diffObjects } from '@opspilot/kube';
import type { Store } from '@opspilot/store';
import { openGateway } from '../clusterAccess.js';
import { registeredClusterId } from './askApply.js';

/**
 * The incident commander over the CLI's store and cluster (the kubeconfig context): the same engine, runbooks and
 * operation lifecycle as the server, without the event bus. The shipped runbooks are saved on first use.
 */
export async function localCommander(
  config: OpspilotConfig,
  io: { cwd: string; env: Record<string, string | undefined>; clock?: Clock },
  store: Store,
): Promise<IncidentCommander> {
  const clock = io.clock ?? systemClock;
  // Lifecycle moves and post-mortems need no cluster: without a usable kubeconfig, only analysis and runbooks fail.
  let gateway: ReturnType<typeof openGateway>;
  try {
    gateway = openGateway(config, io);
  } catch (error) {
    gateway = new Proxy({} as ReturnType<typeof openGateway>, {
      get: () => () => Promise.reject(error),
    });
  }
  const deps = { records: store.incidents, audit: store.audit, clock };
  const engine = createIncidentEngine(deps);
  const catalog = actionCatalog();
  const library = createRunbookLibrary(
    { runbooks: store.runbooks, versions: store.runbookVersions },
    store.audit,
    catalog,
  );
  await library.installShipped();
  const server = (gateway as { config?: { server?: string } }).config?.server;
  const clusterId = typeof server === 'string' ? await registeredClusterId(store, server) : undefined;
  const runner = createRunbookRunner({
    library,
    executions: store.runbookExecutions,
    ops: {
      gateway,
      operations: store.operations,
      audit: store.audit,
      commands: store.aiCommands,
      clock,
      clusterId,
      diff: diffObjects,
    },
    catalog,
    audit: store.audit,
    clock,
    timeline: (id, entry) => engine.record(id, entry),
    incidentSignals: async (id) => (await engine.signalsOf(id)).map((h) => h.signal),
  });
  // With a model configured, post-mortem summaries are its narrative of the evidence (else deterministic).
  const { configuredModel } = await import('@opspilot/ai-providers');
  const model = configuredModel(config.llm);
  return createIncidentCommander({
    deps,
    engine,
    evidence: { gateway, audit: store.audit, clock },
    library,
    runner,
    model: model.ok ? model.value : undefined,
  });
}
