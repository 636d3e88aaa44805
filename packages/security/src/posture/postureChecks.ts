import { KUBE_RULES, type KubeRule } from '@opspilot/manifests';
import { imageDigest } from '../rules/imageDigest.js';
import { ingressWildcardHost } from '../rules/ingressWildcardHost.js';
import { networkPolicyCoverage } from '../rules/networkPolicyCoverage.js';
import { pssAppArmor } from '../rules/pssAppArmor.js';
import { pssBaselineCapabilities, pssRestrictedCapabilities } from '../rules/pssCapabilities.js';
import { pssHostProcess } from '../rules/pssHostProcess.js';
import { pssSeccompUnconfined } from '../rules/pssSeccompUnconfined.js';
import { pssSeLinux } from '../rules/pssSeLinux.js';
import { pssVolumeTypes } from '../rules/pssVolumeTypes.js';
import { rbacEscalation } from '../rules/rbacEscalation.js';
import { rbacMissingSubject } from '../rules/rbacMissingSubject.js';
import { rbacPodExec } from '../rules/rbacPodExec.js';
import { secretUnused } from '../rules/secretUnused.js';
import { serviceLoadBalancer } from '../rules/serviceLoadBalancer.js';
import type { PostureCategory, SecuritySeverity } from './securityFinding.js';

/** One posture check: a validator rule (the same one `opspilot validate` runs on files) with its posture meaning. */
export interface PostureCheck {
  rule: KubeRule;
  category: PostureCategory;
  severity: SecuritySeverity;
  /** The Pod Security Standards control the rule checks, and the lowest level that forbids it. */
  pss?: { control: string; level: 'baseline' | 'restricted' };
}

/** The rules this package adds to manifests' (they run in `opspilot validate` too, see the validate `rules` option). */
export const SECURITY_RULES: readonly KubeRule[] = [
  imageDigest,
  ingressWildcardHost,
  networkPolicyCoverage,
  pssAppArmor,
  pssBaselineCapabilities,
  pssHostProcess,
  pssRestrictedCapabilities,
  pssSeccompUnconfined,
  pssSeLinux,
  pssVolumeTypes,
  rbacEscalation,
  rbacMissingSubject,
  rbacPodExec,
  secretUnused,
  serviceLoadBalancer,
];

const ALL = new Map<string, KubeRule>([...KUBE_RULES, ...SECURITY_RULES].map((r) => [r.id, r]));

function rule(id: string): KubeRule {
  const found = ALL.get(id);
  if (!found) throw new Error(`posture check names unknown rule ${id}`);
  return found;
}

type Row = [
  id: string,
  category: PostureCategory,
  severity: SecuritySeverity,
  control?: string,
  level?: 'baseline' | 'restricted',
];

/** PSS controls and the rule that checks each (several rules may share a control; a scan keeps one finding). */
const ROWS: Row[] = [
  ['pss-host-process', 'pod-security', 'critical', 'host-process', 'baseline'],
  ['pod-host-network', 'pod-security', 'high', 'host-namespaces', 'baseline'],
  ['pod-host-pid', 'pod-security', 'high', 'host-namespaces', 'baseline'],
  ['pod-host-ipc', 'pod-security', 'high', 'host-namespaces', 'baseline'],
  ['container-privileged', 'pod-security', 'critical', 'privileged', 'baseline'],
  ['container-dangerous-capabilities', 'pod-security', 'high', 'capabilities', 'baseline'],
  ['pss-baseline-capabilities', 'pod-security', 'high', 'capabilities', 'baseline'],
  ['pod-host-path-volume', 'pod-security', 'high', 'host-path-volumes', 'baseline'],
  ['pod-runtime-socket', 'pod-security', 'critical', 'host-path-volumes', 'baseline'],
  ['container-host-port', 'pod-security', 'medium', 'host-ports', 'baseline'],
  ['pss-apparmor', 'pod-security', 'high', 'apparmor', 'baseline'],
  ['pss-selinux', 'pod-security', 'high', 'selinux', 'baseline'],
  ['container-proc-mount', 'pod-security', 'high', 'proc-mount', 'baseline'],
  ['pss-seccomp-unconfined', 'pod-security', 'high', 'seccomp', 'baseline'],
  ['pod-unsafe-sysctls', 'pod-security', 'medium', 'sysctls', 'baseline'],
  ['pss-volume-types', 'pod-security', 'medium', 'volume-types', 'restricted'],
  ['container-privilege-escalation', 'pod-security', 'medium', 'privilege-escalation', 'restricted'],
  ['container-run-as-non-root', 'pod-security', 'medium', 'running-as-non-root', 'restricted'],
  ['container-run-as-root-user', 'pod-security', 'high', 'running-as-non-root-user', 'restricted'],
  ['pod-seccomp-profile', 'pod-security', 'medium', 'seccomp', 'restricted'],
  ['container-drop-all-capabilities', 'pod-security', 'low', 'capabilities', 'restricted'],
  ['pss-restricted-capabilities', 'pod-security', 'low', 'capabilities', 'restricted'],
  ['rbac-cluster-admin-binding', 'rbac', 'critical'],
  ['rbac-wildcard', 'rbac', 'high'],
  ['rbac-escalation', 'rbac', 'high'],
  ['rbac-secrets-access', 'rbac', 'medium'],
  ['rbac-pod-exec', 'rbac', 'medium'],
  ['rbac-missing-subject', 'rbac', 'medium'],
  ['network-policy-coverage', 'network', 'medium'],
  ['secret-env-literal', 'secrets', 'high'],
  ['configmap-secrets', 'secrets', 'high'],
  ['pod-automount-service-account-token', 'secrets', 'medium'],
  ['secret-unused', 'secrets', 'low'],
  ['image-latest-tag', 'images', 'medium'],
  ['image-digest', 'images', 'low'],
  ['service-load-balancer', 'exposure', 'medium'],
  ['service-node-port', 'exposure', 'low'],
  ['ingress-tls', 'exposure', 'medium'],
  ['ingress-wildcard-host', 'exposure', 'medium'],
  ['container-read-only-root-fs', 'hardening', 'low'],
  ['pod-writable-host-mount', 'hardening', 'medium'],
  ['pod-share-process-namespace', 'hardening', 'low'],
  ['container-ssh-port', 'hardening', 'low'],
  ['container-memory-limits', 'hardening', 'low'],
];

/** Every posture check, in category order. */
export const POSTURE_CHECKS: readonly PostureCheck[] = ROWS.map(([id, category, severity, control, level]) => ({
  rule: rule(id),
  category,
  severity,
  ...(control && level ? { pss: { control, level } } : {}),
}));
