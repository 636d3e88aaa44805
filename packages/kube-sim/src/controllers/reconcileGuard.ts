import type { KubeObject } from '../store/kubeObject.js';

/**
 * One reconcile that threw: the controller, the error and the object it was working on (when known).
 * @see https://kubernetes.io/docs/concepts/architecture/controller/
 */
export interface ControllerFailure {
  controller: string;
  error: unknown;
  /** The object being reconciled when the error was thrown. */
  object?: KubeObject;
}

const identity = (obj: KubeObject) =>
  obj.metadata.uid ?? `${obj.kind}/${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;

/** What a user changes to fix an object: its spec and labels (status writes do not count). */
const fingerprint = (obj: KubeObject) => JSON.stringify([obj.spec ?? null, obj.metadata.labels ?? null]);

/**
 * Isolates every reconcile: {@link ReconcileGuard.run} runs one controller and turns anything it throws into a
 * {@link ControllerFailure} naming the object it was on ({@link ReconcileGuard.begin}, called by each controller
 * for each object). That object is then left out of later passes until its spec or labels change, so one bad
 * object cannot stop its controller from reconciling the others, nor fail again on every pass.
 * @see https://kubernetes.io/docs/concepts/architecture/controller/
 */
export class ReconcileGuard {
  private current: KubeObject | undefined;
  private readonly failed = new Map<string, string>();

  /** Marks `obj` as the object being reconciled; false when it failed before and has not changed since. */
  begin(obj: KubeObject): boolean {
    this.current = obj;
    const key = identity(obj);
    const failedAt = this.failed.get(key);
    if (failedAt === undefined) return true;
    if (failedAt === fingerprint(obj)) return false;
    this.failed.delete(key);
    return true;
  }

  /** Runs one controller's reconcile; returns what it threw, if anything. Never throws. */
  run(controller: string, reconcile: () => void): ControllerFailure | undefined {
    this.current = undefined;
    try {
      reconcile();
      return undefined;
    } catch (error) {
      const object = this.current;
      if (object) this.failed.set(identity(object), fingerprint(object));
      return { controller, error, ...(object ? { object } : {}) };
    } finally {
      this.current = undefined;
    }
  }
}
