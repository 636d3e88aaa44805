import type { ResourceRegistry } from '../api/resourceRegistry.js';
import type { ResourceType } from '../api/resourceTypes.js';
import { StatusError } from '../api/statusError.js';
import { type LabelSelector, matchesSelector } from '../exec/labelSelector.js';
import type { KubeObject } from '../store/kubeObject.js';
import type { ObjectStore } from '../store/objectStore.js';
import { evaluateCel } from './celEnvironment.js';

/** What one admission request asks, as a policy's `request` variable sees it. */
export interface AdmissionRequest {
  operation: 'CREATE' | 'UPDATE';
  object: KubeObject;
  oldObject?: KubeObject;
  /** The requesting user (`request.userInfo.username`). */
  user?: string;
  dryRun?: boolean;
}

/** One Audit decision a binding recorded (what the API server writes to its audit log as an annotation). */
export interface AdmissionAuditEntry {
  policy: string;
  binding: string;
  message: string;
  operation: string;
  resource: string;
  namespace?: string;
  name: string;
}

interface Rule {
  apiGroups?: string[];
  apiVersions?: string[];
  resources?: string[];
  operations?: string[];
  scope?: string;
  resourceNames?: string[];
}
interface MatchResources {
  resourceRules?: Rule[];
  excludeResourceRules?: Rule[];
  namespaceSelector?: LabelSelector;
  objectSelector?: LabelSelector;
}
interface Validation {
  expression: string;
  message?: string;
  messageExpression?: string;
  reason?: string;
}
interface PolicySpec {
  failurePolicy?: 'Fail' | 'Ignore';
  matchConstraints?: MatchResources;
  matchConditions?: { name: string; expression: string }[];
  variables?: { name: string; expression: string }[];
  validations?: Validation[];
  paramKind?: { apiVersion?: string; kind?: string };
}
interface BindingSpec {
  policyName?: string;
  validationActions?: string[];
  matchResources?: MatchResources;
  paramRef?: { name?: string; namespace?: string; parameterNotFoundAction?: string };
}

const AUDIT = new WeakMap<ObjectStore, AdmissionAuditEntry[]>();

/** The Audit decisions of ValidatingAdmissionPolicy bindings recorded for a store, oldest first. */
export function admissionAuditLog(store: ObjectStore): AdmissionAuditEntry[] {
  const log = AUDIT.get(store) ?? [];
  AUDIT.set(store, log);
  return log;
}

const any = (list: string[] | undefined, value: string) => !list || list.includes('*') || list.includes(value);

function ruleMatches(rule: Rule, type: ResourceType, operation: string, name: string): boolean {
  if (!any(rule.apiGroups, type.group) || !any(rule.apiVersions, type.version)) return false;
  if (!any(rule.operations, operation)) return false;
  if (rule.resourceNames?.length && !rule.resourceNames.includes(name)) return false;
  const scope = rule.scope ?? '*';
  if (scope === 'Namespaced' && !type.namespaced) return false;
  if (scope === 'Cluster' && type.namespaced) return false;
  return (rule.resources ?? []).some((r) => r === '*' || r === '*/*' || r === type.plural);
}

/** `matchResources` of a policy or binding; an absent block matches everything, absent rules too (bindings). */
function matches(
  match: MatchResources | undefined,
  ctx: { type: ResourceType; req: AdmissionRequest; namespace?: KubeObject },
  rulesRequired: boolean,
): boolean {
  if (!match) return !rulesRequired;
  const { type, req } = ctx;
  const name = req.object.metadata.name ?? '';
  const rules = match.resourceRules;
  if (rules?.length ? !rules.some((r) => ruleMatches(r, type, req.operation, name)) : rulesRequired) return false;
  if (match.excludeResourceRules?.some((r) => ruleMatches(r, type, req.operation, name))) return false;
  const nsLabels =
    type.kind === 'Namespace' && type.group === ''
      ? req.object.metadata.labels
      : type.namespaced
        ? ctx.namespace?.metadata.labels
        : undefined;
  if (match.namespaceSelector && (type.namespaced || type.kind === 'Namespace'))
    if (!matchesSelector(match.namespaceSelector, nsLabels ?? {})) return false;
  if (match.objectSelector) {
    const now = matchesSelector(match.objectSelector, req.object.metadata.labels ?? {});
    const before = req.oldObject ? matchesSelector(match.objectSelector, req.oldObject.metadata.labels ?? {}) : false;
    if (!now && !before) return false;
  }
  return true;
}

function paramsOf(
  store: ObjectStore,
  registry: ResourceRegistry,
  spec: PolicySpec,
  binding: BindingSpec,
  namespace: string | undefined,
): { params: unknown; missing: boolean } {
  if (!spec.paramKind?.kind || !binding.paramRef?.name) return { params: null, missing: false };
  const type = registry.byKind(spec.paramKind.apiVersion ?? 'v1', spec.paramKind.kind);
  const found = type
    ? store.find(type, type.namespaced ? (binding.paramRef.namespace ?? namespace) : undefined, binding.paramRef.name)
    : undefined;
  return { params: found ?? null, missing: !found };
}

interface Decision {
  policy: string;
  binding: string;
  actions: string[];
  message: string;
  reason: string;
}

function failedMessage(v: Validation, activation: Record<string, unknown>): string {
  if (v.messageExpression) {
    try {
      const m = evaluateCel(v.messageExpression, activation);
      if (typeof m === 'string' && m.trim() !== '' && !m.includes('\n')) return m;
    } catch {
      // a failing messageExpression falls back to the static message, as the API server does
    }
  }
  return v.message ?? `failed expression: ${v.expression}`;
}

/** Evaluates one policy for one binding: undefined when it admits, else the decision. */
function evaluate(
  policy: KubeObject,
  binding: KubeObject,
  activation: Record<string, unknown>,
): Omit<Decision, 'actions'> | undefined {
  const spec = (policy.spec ?? {}) as PolicySpec;
  const fail = (message: string): Omit<Decision, 'actions'> | undefined =>
    spec.failurePolicy === 'Ignore'
      ? undefined
      : { policy: policy.metadata.name!, binding: binding.metadata.name!, message, reason: 'Invalid' };
  const variables: Record<string, unknown> = {};
  const scope = { ...activation, variables };
  try {
    for (const c of spec.matchConditions ?? []) if (evaluateCel(c.expression, scope) !== true) return undefined;
  } catch (error) {
    return fail(`expression '${(error as Error).message.split('\n')[0]}' resulted in error`);
  }
  for (const v of spec.variables ?? []) {
    try {
      variables[v.name] = evaluateCel(v.expression, scope);
    } catch (error) {
      return fail(`variable '${v.name}' resulted in error: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  for (const v of spec.validations ?? []) {
    let result: unknown;
    try {
      result = evaluateCel(v.expression, scope);
    } catch (error) {
      const failed = fail(`expression '${v.expression}' resulted in error: ${(error as Error).message.split('\n')[0]}`);
      if (failed) return failed;
      continue;
    }
    if (result !== true)
      return {
        policy: policy.metadata.name!,
        binding: binding.metadata.name!,
        message: failedMessage(v, scope),
        reason: v.reason ?? 'Invalid',
      };
  }
  return undefined;
}

const CODES: Record<string, number> = { Unauthorized: 401, Forbidden: 403, Invalid: 422, RequestEntityTooLarge: 413 };

/**
 * ValidatingAdmissionPolicy admission of a create or update (admissionregistration.k8s.io/v1): every binding whose
 * policy and `matchResources` match the request (resource rules, operations, scope, namespace and object selectors,
 * match conditions) evaluates the policy's variables and validations. A failed validation under `Deny` throws what
 * the API server answers (`<resource> "<name>" is forbidden: ValidatingAdmissionPolicy '<p>' with binding '<b>'
 * denied request: <message>`, reason Invalid and code 422 unless the validation names another reason); under `Warn`
 * it adds `Validation failed for ValidatingAdmissionPolicy '<p>' with binding '<b>': <message>` to `warnings`; under
 * `Audit` it is recorded in {@link admissionAuditLog}. A binding to a missing policy is ignored; an expression
 * error follows the policy's failurePolicy (Fail by default).
 * @see https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/
 */
export function admitByPolicies(
  ctx: { store: ObjectStore; registry: ResourceRegistry },
  type: ResourceType,
  req: AdmissionRequest,
  warnings: string[] = [],
): void {
  const bindingType = ctx.registry.find('admissionregistration.k8s.io', 'v1', 'validatingadmissionpolicybindings');
  const policyType = ctx.registry.find('admissionregistration.k8s.io', 'v1', 'validatingadmissionpolicies');
  if (!bindingType || !policyType) return;
  const bindings = ctx.store.list(bindingType).items;
  if (bindings.length === 0) return;
  const nsType = ctx.registry.find('', 'v1', 'namespaces')!;
  const namespaceName = type.namespaced ? req.object.metadata.namespace : undefined;
  const namespace = namespaceName ? ctx.store.find(nsType, undefined, namespaceName) : undefined;
  const match = { type, req, namespace };
  const denied: Decision[] = [];
  for (const binding of bindings) {
    const bspec = (binding.spec ?? {}) as BindingSpec;
    const policy = bspec.policyName ? ctx.store.find(policyType, undefined, bspec.policyName) : undefined;
    if (!policy) continue;
    const pspec = (policy.spec ?? {}) as PolicySpec;
    if (!matches(pspec.matchConstraints, match, true) || !matches(bspec.matchResources, match, false)) continue;
    const actions = bspec.validationActions?.length ? bspec.validationActions : ['Deny'];
    const { params, missing } = paramsOf(ctx.store, ctx.registry, pspec, bspec, namespaceName);
    let decision: Omit<Decision, 'actions'> | undefined;
    if (missing) {
      decision =
        bspec.paramRef?.parameterNotFoundAction === 'Allow'
          ? undefined
          : {
              policy: policy.metadata.name!,
              binding: binding.metadata.name!,
              message:
                'failed to configure binding: no params found for policy binding with `Deny` parameterNotFoundAction',
              reason: 'Invalid',
            };
    } else {
      decision = evaluate(policy, binding, {
        object: req.object,
        oldObject: req.oldObject ?? null,
        params,
        namespaceObject: namespace ?? null,
        request: {
          operation: req.operation,
          name: req.object.metadata.name ?? '',
          namespace: namespaceName ?? '',
          kind: { group: type.group, version: type.version, kind: type.kind },
          resource: { group: type.group, version: type.version, resource: type.plural },
          userInfo: { username: req.user ?? 'system:admin' },
          dryRun: req.dryRun === true,
        },
      });
    }
    if (!decision) continue;
    if (actions.includes('Deny')) denied.push({ ...decision, actions });
    if (actions.includes('Warn'))
      warnings.push(
        `Validation failed for ValidatingAdmissionPolicy '${decision.policy}' with binding '${decision.binding}': ${decision.message}`,
      );
    if (actions.includes('Audit') && !req.dryRun)
      admissionAuditLog(ctx.store).push({
        policy: decision.policy,
        binding: decision.binding,
        message: decision.message,
        operation: req.operation,
        resource: type.group ? `${type.plural}.${type.group}` : type.plural,
        ...(namespaceName ? { namespace: namespaceName } : {}),
        name: req.object.metadata.name ?? '',
      });
  }
  const first = denied[0];
  if (!first) return;
  const name = req.object.metadata.name || req.object.metadata.generateName || '';
  const qualified = type.group ? `${type.plural}.${type.group}` : type.plural;
  const message = `ValidatingAdmissionPolicy '${first.policy}' with binding '${first.binding}' denied request: ${first.message}`;
  throw new StatusError(CODES[first.reason] ?? 422, first.reason, `${qualified} "${name}" is forbidden: ${message}`, {
    name,
    ...(type.group ? { group: type.group } : {}),
    kind: type.plural,
    causes: [{ message }],
  });
}
