import type { Clock } from '@opspilot/core';
import type { ResourceRegistry } from '../api/resourceRegistry.js';
import { EMPTY_HOOKS, type SimHooks } from '../server/simHooks.js';
import type { ObjectStore } from '../store/objectStore.js';
import { onAttachedExit } from './attachedShell.js';
import { type ControllerContext, createControllerContext } from './controllerContext.js';
import { reconcileCronJobs } from './cronJobController.js';
import { reconcileDaemonSets } from './daemonSetController.js';
import { reconcileDeployments } from './deploymentController.js';
import { reconcileDisruptionBudgets } from './disruptionController.js';
import { reconcileEndpoints } from './endpointsController.js';
import { createHpaController } from './hpaController.js';
import { reconcileJobs } from './jobController.js';
import { reconcileNodeLifecycle } from './nodeLifecycleController.js';
import { reconcileVolumes } from './persistentVolumeController.js';
import { reconcilePods } from './podController.js';
import { type ControllerFailure, ReconcileGuard } from './reconcileGuard.js';
import { reconcileReplicaSets } from './replicaSetController.js';
import { reconcileServiceAccounts } from './serviceAccountController.js';
import { reconcileStatefulSets } from './statefulSetController.js';
import { createTaintEvictionController } from './taintEvictionController.js';

const WATCHED = new Set([
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'HorizontalPodAutoscaler',
  'Pod',
  'Service',
  'Node',
  'PersistentVolumeClaim',
  'PersistentVolume',
  'StorageClass',
  'PodDisruptionBudget',
]);

/**
 * Where a controller error goes by default: one JSON line on standard error.
 * @see https://kubernetes.io/docs/concepts/architecture/controller/
 */
export function logControllerFailure(failure: ControllerFailure): void {
  const { object } = failure;
  process.stderr.write(
    `${JSON.stringify({
      level: 'error',
      msg: 'simulated cluster controller failed',
      controller: failure.controller,
      object: object ? `${object.kind} ${object.metadata.namespace ?? ''}/${object.metadata.name}` : undefined,
      error: messageOf(failure.error),
    })}\n`,
  );
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Runs the simulated cluster's controllers: after every relevant change (and whenever something falls due on the
 * cluster clock: a pod's next state, a job's deadline, a cron schedule, an HPA sync, a taint eviction) it reconciles
 * node taints, taint evictions, deployments, replica sets, stateful sets, daemon sets, cron jobs, jobs, HPAs, pods, volumes and endpoints until nothing changes.
 * HPAs read usage from `metrics`: the hooks the metrics.k8s.io API serves (none by default).
 *
 * Every reconcile is isolated: an error thrown while reconciling an object never escapes (nor stops the process or
 * the other controllers); it is recorded as a `Warning` Event `ReconcileError` on that object, handed to
 * `onFailure` (logged on standard error by default) and kept in `failures`, and the object is skipped until its
 * spec or labels change.
 */
export class ControllerManager {
  private scheduled = false;
  private stopped = false;
  private unsubscribe: () => void = () => {};
  private timer: AbortController | undefined;
  private nextDue: number | undefined;
  /** Reconcile passes run so far (for tests and benchmarks). */
  passes = 0;
  /** The last reconciles that threw (at most 100), oldest first. */
  readonly failures: ControllerFailure[] = [];

  private readonly controllers: [string, (ctx: ControllerContext) => void][];
  private readonly guard = new ReconcileGuard();

  constructor(
    private readonly store: ObjectStore,
    private readonly registry: ResourceRegistry,
    private readonly clock: Clock,
    metrics: () => SimHooks = () => EMPTY_HOOKS,
    private readonly onFailure: (failure: ControllerFailure) => void = logControllerFailure,
  ) {
    this.controllers = [
      ['serviceaccount-controller', reconcileServiceAccounts],
      ['node-lifecycle-controller', reconcileNodeLifecycle],
      ['taint-eviction-controller', createTaintEvictionController()],
      ['deployment-controller', reconcileDeployments],
      ['replicaset-controller', reconcileReplicaSets],
      ['statefulset-controller', reconcileStatefulSets],
      ['daemonset-controller', reconcileDaemonSets],
      ['cronjob-controller', reconcileCronJobs],
      ['job-controller', reconcileJobs],
      ['horizontal-pod-autoscaler', createHpaController(metrics)],
      ['kubelet', reconcilePods],
      ['persistentvolume-controller', reconcileVolumes],
      ['endpoint-controller', reconcileEndpoints],
      ['disruption-controller', reconcileDisruptionBudgets],
    ];
  }

  start(): void {
    const unsubscribeStore = this.store.subscribe((event) => {
      if (WATCHED.has(event.resource.kind)) this.schedule();
    });
    const unsubscribeShells = onAttachedExit(this.store, () => this.schedule());
    this.unsubscribe = () => {
      unsubscribeStore();
      unsubscribeShells();
    };
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe();
    this.timer?.abort();
  }

  /** Runs reconcile passes now until the cluster is stable (bounded). */
  reconcileNow(): void {
    const ctx = createControllerContext(
      this.store,
      this.registry,
      this.clock,
      (ms) => this.requeueAfter(ms),
      (obj) => this.guard.begin(obj),
    );
    for (let i = 0; i < 20; i++) {
      const before = this.store.resourceVersion;
      for (const [name, reconcile] of this.controllers) {
        const failure = this.guard.run(name, () => reconcile(ctx));
        if (failure) this.report(ctx, failure);
      }
      this.passes++;
      if (this.store.resourceVersion === before) break;
    }
  }

  /** Records a failed reconcile: kept, handed to `onFailure`, and a Warning Event on the object. Never throws. */
  private report(ctx: ControllerContext, failure: ControllerFailure): void {
    this.failures.push(failure);
    if (this.failures.length > 100) this.failures.shift();
    const { object } = failure;
    this.notify(failure);
    if (!object || object.metadata.deletionTimestamp) return;
    const message = `${failure.controller} cannot reconcile ${object.kind.toLowerCase()} ${object.metadata.name}: ${messageOf(failure.error)}`;
    this.guard.run('event-recorder', () => ctx.event(object, 'Warning', 'ReconcileError', message, failure.controller));
  }

  private notify(failure: ControllerFailure): void {
    try {
      this.onFailure(failure);
    } catch {
      // A failing logger must not take the controllers down either.
    }
  }

  private schedule(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (this.stopped) return;
      const failure = this.guard.run('controller-manager', () => this.reconcileNow());
      if (failure) {
        this.failures.push(failure);
        this.notify(failure);
      }
    });
  }

  /** Keeps one timer, for the earliest time a pod's state falls due. */
  private requeueAfter(ms: number): void {
    if (this.stopped) return;
    const due = this.clock.now().getTime() + ms;
    if (this.nextDue !== undefined && this.nextDue <= due) return;
    this.timer?.abort();
    const abort = new AbortController();
    this.timer = abort;
    this.nextDue = due;
    this.clock.sleep(ms, abort.signal).then(
      () => {
        if (this.timer === abort) {
          this.timer = undefined;
          this.nextDue = undefined;
        }
        this.schedule();
      },
      () => {},
    );
  }
}
