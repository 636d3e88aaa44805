// A process that applies one approved operation the way the CLI does, for the fault-injection test: it opens the
// store and the cluster named in its environment, prints "step 1 applied" once the first step is applied and
// verified, then waits — until SIGTERM, which stops it after that step (rolling back, recording FAILED), or until it
// is killed. Run with `node --import tsx`.
import { systemClock } from '@opspilot/core';
import { createClusterGateway, diffObjects } from '@opspilot/kube';
import { openStore } from '@opspilot/store';
import { createOperations } from '../operations.js';

const env = process.env;
const store = await openStore({
  ...(env.DRIVER_DATABASE_URL ? { databaseUrl: env.DRIVER_DATABASE_URL } : { sqlitePath: env.DRIVER_SQLITE_PATH }),
  ...(env.DRIVER_SCHEMA ? { postgresSchema: env.DRIVER_SCHEMA } : {}),
  encryptionKey: env.DRIVER_KEY,
});
const stop = new AbortController();
process.once('SIGTERM', () => stop.abort(new Error('interrupted: received SIGTERM')));
const ops = createOperations({
  gateway: createClusterGateway({ kubeconfig: env.DRIVER_KUBECONFIG }),
  operations: store.operations,
  audit: store.audit,
  clock: systemClock,
  planner: async () => {
    throw new Error('the driver only applies');
  },
  diff: diffObjects,
  leaseOwner: `driver:${process.pid}`,
  leaseMs: 30_000,
  progress: async (event) => {
    if (event.index !== 0 || event.phase !== 'applied') return;
    process.stdout.write('step 1 applied\n');
    await new Promise((resume) => stop.signal.addEventListener('abort', resume, { once: true }));
  },
});
const done = await ops.apply(env.DRIVER_OPERATION!, { user: 'driver', signal: stop.signal });
process.stdout.write(`done ${done.state}\n`);
await store.close();
