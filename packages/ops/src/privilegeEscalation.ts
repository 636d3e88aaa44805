import type { PlanStep } from '@opspilot/core';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Capabilities the Pod Security Standards' baseline profile lets a container add; any other is an escalation. */
const BASELINE_CAPABILITIES = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

/** Roles that grant (nearly) everything: binding a subject to one is an escalation. */
const POWERFUL_ROLES = new Set(['cluster-admin', 'admin', 'system:masters']);

/** The pod spec an object carries: a Pod's own, a workload's template, a CronJob's job template. */
function podSpecOf(kind: string, object: Json): Json | undefined {
  const spec = isObject(object.spec) ? object.spec : undefined;
  if (!spec) return undefined;
  if (kind === 'Pod') return spec;
  if (kind === 'CronJob') {
    const job = isObject(spec.jobTemplate) && isObject(spec.jobTemplate.spec) ? spec.jobTemplate.spec : undefined;
    return job && isObject(job.template) && isObject(job.template.spec) ? job.template.spec : undefined;
  }
  return isObject(spec.template) && isObject(spec.template.spec) ? spec.template.spec : undefined;
}

function podEscalations(pod: Json): string[] {
  const found: string[] = [];
  for (const field of ['hostPID', 'hostNetwork', 'hostIPC'] as const) {
    if (pod[field] === true) found.push(`${field}: true shares the node's namespace`);
  }
  for (const volume of Array.isArray(pod.volumes) ? pod.volumes : []) {
    if (isObject(volume) && isObject(volume.hostPath))
      found.push(`volume ${String(volume.name)} mounts hostPath ${String(volume.hostPath.path)} from the node`);
  }
  const containers = ['initContainers', 'containers', 'ephemeralContainers'].flatMap((key) =>
    Array.isArray(pod[key]) ? (pod[key] as unknown[]).filter(isObject) : [],
  );
  for (const container of containers) {
    const name = String(container.name ?? '?');
    const security = isObject(container.securityContext) ? container.securityContext : {};
    if (security.privileged === true) found.push(`container ${name} is privileged`);
    if (security.allowPrivilegeEscalation === true) found.push(`container ${name} allows privilege escalation`);
    const added =
      isObject(security.capabilities) && Array.isArray(security.capabilities.add) ? security.capabilities.add : [];
    const beyond = added
      .map((c) => String(c).toUpperCase().replace(/^CAP_/, ''))
      .filter((c) => !BASELINE_CAPABILITIES.has(c));
    if (beyond.length > 0) found.push(`container ${name} adds capabilities ${beyond.join(', ')}`);
  }
  return found;
}

function rbacEscalations(kind: string, object: Json): string[] {
  if (kind === 'RoleBinding' || kind === 'ClusterRoleBinding') {
    const role = isObject(object.roleRef) ? String(object.roleRef.name ?? '') : '';
    return POWERFUL_ROLES.has(role) ? [`binds subjects to ${role}`] : [];
  }
  if (kind !== 'Role' && kind !== 'ClusterRole') return [];
  const rules = Array.isArray(object.rules) ? object.rules.filter(isObject) : [];
  const wild = rules.some((rule) =>
    ['verbs', 'resources', 'apiGroups'].some(
      (key) => Array.isArray(rule[key]) && (rule[key] as unknown[]).includes('*'),
    ),
  );
  return wild ? [`${kind} grants wildcard (*) permissions`] : [];
}

/**
 * Why a step escalates privilege: it creates or changes a Pod, or the pod template of a workload (Deployment,
 * DaemonSet, StatefulSet, ReplicaSet, Job, CronJob), that is privileged, allows privilege escalation, adds
 * capabilities beyond the baseline Pod Security Standard (SYS_ADMIN, NET_ADMIN, ALL, …), shares the node's PID,
 * network or IPC namespace or mounts a hostPath; or it binds subjects to cluster-admin (or admin) or writes a role
 * with wildcard permissions. Patches are read the same way: the fields they set are checked.
 * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/
 */
export function privilegeEscalation(step: PlanStep): string[] {
  if (step.op !== 'apply') return [];
  const object = step.object as unknown as Json;
  const { kind } = step.object;
  const where = `${kind} ${step.object.metadata.namespace ? `${step.object.metadata.namespace}/` : ''}${step.object.metadata.name}`;
  const pod = podSpecOf(kind, object);
  const found = [...(pod ? podEscalations(pod) : []), ...rbacEscalations(kind, object)];
  return found.map((what) => `privileged: ${where} ${what}`);
}
