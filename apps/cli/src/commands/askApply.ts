import { hostname } from 'node:os';
import type { Operation } from '@opspilot/core';
import type { ApplyProgress, Operations, OpsDeps } from '@opspilot/ops';
import type { Store } from '@opspilot/store';

/**
 * What `opspilot ask` and `opspilot review apply` add to the operation lifecycle: a lease owner naming this process
 * (`cli:<host>:<pid>`) and progress lines on stderr while a plan is applied and verified
 * (`step 1/2 scale deployment todo/backend to 3 replicas: verifying…`).
 */
export function cliLifecycle(err: (text: string) => void): Pick<OpsDeps, 'leaseOwner' | 'progress'> {
  return {
    leaseOwner: `cli:${hostname()}:${process.pid}`,
    progress: (event: ApplyProgress) =>
      err(
        `step ${event.index + 1}/${event.total} ${event.description}: ${event.phase}${event.phase === 'verifying' || event.phase === 'applying' ? '…' : ''}`,
      ),
  };
}

/**
 * The registered cluster the CLI's gateway talks to (same API server URL), so that its operations are recorded
 * against it and show in the dashboard; undefined when that cluster is not registered.
 */
export async function registeredClusterId(store: Store, server: string): Promise<string | undefined> {
  for (let page = 1; ; page++) {
    const found = await store.clusters.list({}, { page, page_size: 100 });
    const match = found.items.find((c) => c.api_server_url === server);
    if (match) return match.id;
    if (page >= found.total_pages) return undefined;
  }
}

/**
 * Reconciles what an earlier run left APPLYING (killed, or the store went away) before doing anything else, and says
 * so on stderr.
 */
export async function recoverEarlierRuns(ops: Operations, user: string, err: (text: string) => void): Promise<void> {
  for (const op of await ops.recover({ user })) {
    err(`recovered operation ${op.id} left applying by an earlier run: ${op.state} (see opspilot audit)`);
  }
}

/**
 * Applies an approved operation; Ctrl-C (SIGINT) or SIGTERM meanwhile stops it after the current step, rolls back
 * what was applied and records it FAILED, instead of leaving the change half-applied.
 */
export async function applyInterruptibly(ops: Operations, id: string, user: string): Promise<Operation> {
  const stop = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => stop.abort(new Error(`interrupted: received ${signal}`));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await ops.apply(id, { user, signal: stop.signal });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
