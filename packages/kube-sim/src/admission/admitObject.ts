import type { ResourceRegistry } from '../api/resourceRegistry.js';
import type { ResourceType } from '../api/resourceTypes.js';
import { StatusError } from '../api/statusError.js';
import type { KubeObject } from '../store/kubeObject.js';
import type { ObjectStore } from '../store/objectStore.js';
import { admitByPolicies } from './admissionPolicies.js';
import { claimResizeRefusal } from './claimResize.js';
import { applyLimitRangeDefaults, limitRangeViolations } from './limitRanges.js';
import { quotaRefusal } from './resourceQuota.js';
import { serviceAccountRefusal } from './serviceAccountAdmission.js';

/** Where admission reads the namespace's LimitRanges, ResourceQuotas and usage. */
export interface AdmissionContext {
  store: ObjectStore;
  registry: ResourceRegistry;
}

const isPod = (type: Pick<ResourceType, 'group' | 'kind'>) => type.group === '' && type.kind === 'Pod';

/** The 403 of a refused admission: `pods "x" is forbidden: …` (several LimitRange problems in brackets). */
function forbidden(type: ResourceType, obj: KubeObject, problems: string[]): StatusError {
  const name = obj.metadata.name || obj.metadata.generateName || '';
  const qualified = type.group ? `${type.plural}.${type.group}` : type.plural;
  const reason = problems.length === 1 ? problems[0]! : `[${problems.join(', ')}]`;
  return new StatusError(403, 'Forbidden', `${qualified} "${name}" is forbidden: ${reason}`, {
    name,
    ...(type.group ? { group: type.group } : {}),
    kind: type.plural,
  });
}

/**
 * The mutating admission of a create (after defaulting, before validation): LimitRange defaults for pods.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/#limitranger
 */
export function mutateOnCreate(ctx: AdmissionContext, type: ResourceType, obj: KubeObject): void {
  if (isPod(type)) applyLimitRangeDefaults(ctx.store, ctx.registry, obj);
}

/** Per request: where `Warn` decisions go, whether it is a dry run, who asks. */
export interface AdmissionOptions {
  warnings?: string[];
  dryRun?: boolean;
  user?: string;
}

/**
 * The validating admission of a create (after validation): a pod's service account must exist, LimitRange
 * min/max/ratio for pods, ValidatingAdmissionPolicies (422 on Deny, warnings on Warn), then ResourceQuota.
 * Throws the real 403 Forbidden.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/#resourcequota
 */
export function validateOnCreate(
  ctx: AdmissionContext,
  type: ResourceType,
  obj: KubeObject,
  options: AdmissionOptions = {},
): void {
  if (isPod(type)) {
    const account = serviceAccountRefusal(ctx.store, ctx.registry, obj);
    if (account) throw forbidden(type, obj, [account]);
    const problems = limitRangeViolations(ctx.store, ctx.registry, obj);
    if (problems.length > 0) throw forbidden(type, obj, problems);
  }
  admitByPolicies(
    ctx,
    type,
    { operation: 'CREATE', object: obj, dryRun: options.dryRun, user: options.user },
    options.warnings,
  );
  const refusal = quotaRefusal(ctx.store, ctx.registry, type, obj);
  if (refusal) throw forbidden(type, obj, [refusal]);
}

/**
 * The validating admission of an update (PUT or patch of the main resource): ValidatingAdmissionPolicies (with the
 * live object as `oldObject`), then ResourceQuota, counting only what the update adds. Throws the real 403 Forbidden
 * (422 for a policy's Deny).
 * @see https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/#resourcequota
 */
export function validateOnUpdate(
  ctx: AdmissionContext,
  type: ResourceType,
  obj: KubeObject,
  live: KubeObject,
  options: AdmissionOptions = {},
): void {
  if (type.group === '' && type.kind === 'PersistentVolumeClaim') {
    const resize = claimResizeRefusal(ctx.store, ctx.registry, obj, live);
    if (resize) throw forbidden(type, obj, [resize]);
  }
  admitByPolicies(
    ctx,
    type,
    { operation: 'UPDATE', object: obj, oldObject: live, dryRun: options.dryRun, user: options.user },
    options.warnings,
  );
  const refusal = quotaRefusal(ctx.store, ctx.registry, type, obj, live);
  if (refusal) throw forbidden(type, obj, [refusal]);
}

/**
 * Admission of a pod a controller is about to create (ReplicaSets, Jobs, …): applies the LimitRange defaults to it
 * and returns the 403 a real API server would answer (for the controller's `FailedCreate` event), or undefined.
 * @see https://kubernetes.io/docs/concepts/policy/resource-quotas/
 */
export function admitControllerPod(ctx: AdmissionContext, pod: KubeObject): StatusError | undefined {
  const type = ctx.registry.find('', 'v1', 'pods');
  if (!type) return undefined;
  mutateOnCreate(ctx, type, pod);
  try {
    validateOnCreate(ctx, type, pod);
    return undefined;
  } catch (error) {
    if (error instanceof StatusError) return error;
    throw error;
  }
}
