import { type ClusterGateway, ConflictError, type KubeObject, type PlanStep, type StepObject } from '@opspilot/core';
import { type DrainOptions, drainNode } from './drainNode.js';

type WriteOp = Exclude<PlanStep, { op: 'get' | 'describe' | 'list' | 'logs' | 'analyze' | 'changes' }>;

const RETRIES_ON_CONFLICT = 3;

/**
 * Carries out one changing step through the gateway — or, with `dryRun`, has the API server compute its result
 * without storing it. Applies send the live `resourceVersion` as a precondition and are retried on a 409 (someone
 * else changed the object in between) after reading it again. A drain evicts ({@link drainNode}), retrying evictions
 * a PodDisruptionBudget refuses on `options.clock` until `options.timeoutMs`. Returns the object as it is (or would
 * be) after.
 */
export async function writeStep(
  gateway: ClusterGateway,
  step: WriteOp,
  options: DrainOptions,
): Promise<KubeObject | undefined> {
  const { dryRun } = options;
  switch (step.op) {
    case 'apply':
      return step.mode === 'patch'
        ? patchWithPrecondition(gateway, step.object, dryRun)
        : applyWithPrecondition(gateway, step.object, dryRun);
    case 'scale':
      return gateway.scale(step.target, step.replicas, { dryRun });
    case 'rolloutRestart':
      return gateway.rolloutRestart(step.target, { dryRun });
    case 'rolloutUndo':
      return gateway.rolloutUndo(step.target, { dryRun, toRevision: step.toRevision });
    case 'delete':
      await gateway.delete(step.target, { dryRun });
      return undefined;
    case 'cordon':
    case 'uncordon':
      return setUnschedulable(gateway, step.target.name, step.op === 'cordon', dryRun);
    case 'drain':
      return drainNode(gateway, step, options);
  }
}

async function applyWithPrecondition(gateway: ClusterGateway, stepObject: StepObject, dryRun: boolean) {
  const object = withoutRemovals(stepObject);
  const ref = { kind: object.kind, name: object.metadata.name, namespace: object.metadata.namespace };
  for (let attempt = 1; ; attempt++) {
    const live = await gateway.get(ref);
    const sent = live
      ? { ...object, metadata: { ...object.metadata, resourceVersion: live.metadata.resourceVersion } }
      : object;
    try {
      return await gateway.apply(sent, { dryRun, force: true });
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= RETRIES_ON_CONFLICT) throw error;
    }
  }
}

/** A whole manifest: a `null` label or annotation value means the key is absent. */
function withoutRemovals(object: StepObject): KubeObject {
  const { labels, annotations } = object.metadata;
  const present = (values: Record<string, string | null> | undefined) =>
    values &&
    Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== null));
  return { ...object, metadata: { ...object.metadata, labels: present(labels), annotations: present(annotations) } };
}

/**
 * A partial object sent as a strategic-merge patch (what `kubectl set image|env|resources`, `label` and `annotate`
 * send; a `null` label or annotation removes it), with the live resourceVersion as a precondition, retried after a 409.
 */
async function patchWithPrecondition(gateway: ClusterGateway, object: StepObject, dryRun: boolean) {
  const ref = {
    kind: object.kind,
    name: object.metadata.name,
    namespace: object.metadata.namespace,
    apiVersion: object.apiVersion,
  };
  const { apiVersion: _a, kind: _k, metadata, ...rest } = object;
  const { name: _n, namespace: _ns, ...meta } = metadata;
  for (let attempt = 1; ; attempt++) {
    const live = await gateway.get(ref);
    const body = {
      ...rest,
      metadata: { ...meta, ...(live ? { resourceVersion: live.metadata.resourceVersion } : {}) },
    };
    try {
      return await gateway.patch(ref, body, { dryRun });
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= RETRIES_ON_CONFLICT) throw error;
    }
  }
}

function setUnschedulable(gateway: ClusterGateway, node: string, unschedulable: boolean, dryRun: boolean) {
  return gateway.patch({ kind: 'Node', name: node }, { spec: { unschedulable } }, { dryRun });
}

/** The write steps of a plan, typed as such. */
export function asWrite(step: PlanStep): WriteOp | undefined {
  return ['get', 'describe', 'list', 'logs', 'analyze', 'changes'].includes(step.op) ? undefined : (step as WriteOp);
}
