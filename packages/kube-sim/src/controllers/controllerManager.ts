import type { Clock } from '@opspilot/core';
import type { ResourceRegistry } from '../api/resourceRegistry.js';
import { EMPTY_HOOKS, type SimHooks } from '../server/simHooks.js';
import type { ObjectStore } from '../store/objectStore.js';
import { type ControllerContext, createControllerContext } from './controllerContext.js';
import { reconcileCronJobs } from './cronJobController.js';
import { reconcileDaemonSets } from './daemonSetController.js';
import { reconcileDeployments } from './deploymentController.js';
import { reconcileEndpoints } from './endpointsController.js';
import { createHpaController } from './hpaController.js';
import { reconcileJobs } from './jobController.js';
import { reconcileVolumes } from './persistentVolumeController.js';
import { reconcilePods } from './podController.js';
import { reconcileReplicaSets } from './replicaSetController.js';
import { reconcileStatefulSets } from './statefulSetController.js';

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
]);

/**
 * Runs the simulated cluster's controllers: after every relevant change (and whenever something falls due on the
 * cluster clock: a pod's next state, a job's deadline, a cron schedule, an HPA sync) it reconciles deployments,
 * replica sets, stateful sets, daemon sets, cron jobs, jobs, HPAs, pods, volumes and endpoints until nothing changes.
 * HPAs read usage from `metrics`: the hooks the metrics.k8s.io API serves (none by default).
 */
export class ControllerManager {
  private scheduled = false;
  private stopped = false;
  private unsubscribe: () => void = () => {};
  private timer: AbortController | undefined;
  private nextDue: number | undefined;
  /** Reconcile passes run so far (for tests and benchmarks). */
  passes = 0;

  private readonly reconcileHpas: (ctx: ControllerContext) => void;

  constructor(
    private readonly store: ObjectStore,
    private readonly registry: ResourceRegistry,
    private readonly clock: Clock,
    metrics: () => SimHooks = () => EMPTY_HOOKS,
  ) {
    this.reconcileHpas = createHpaController(metrics);
  }

  start(): void {
    this.unsubscribe = this.store.subscribe((event) => {
      if (WATCHED.has(event.resource.kind)) this.schedule();
    });
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe();
    this.timer?.abort();
  }

  /** Runs reconcile passes now until the cluster is stable (bounded). */
  reconcileNow(): void {
    const ctx = createControllerContext(this.store, this.registry, this.clock, (ms) => this.requeueAfter(ms));
    for (let i = 0; i < 20; i++) {
      const before = this.store.resourceVersion;
      reconcileDeployments(ctx);
      reconcileReplicaSets(ctx);
      reconcileStatefulSets(ctx);
      reconcileDaemonSets(ctx);
      reconcileCronJobs(ctx);
      reconcileJobs(ctx);
      this.reconcileHpas(ctx);
      reconcilePods(ctx);
      reconcileVolumes(ctx);
      reconcileEndpoints(ctx);
      this.passes++;
      if (this.store.resourceVersion === before) break;
    }
  }

  private schedule(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (!this.stopped) this.reconcileNow();
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
