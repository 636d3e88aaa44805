/** A control of a compliance framework and the posture checks that evidence it. */
export interface FrameworkControl {
  id: string;
  title: string;
  checks: readonly string[];
}

/** A framework: its id (as the seed-004 `compliance_reports.framework` column stores it) and controls. */
export interface Framework {
  id: 'CIS' | 'NSA_CISA' | 'SOC2' | 'HIPAA' | 'PCI_DSS';
  title: string;
  controls: readonly FrameworkControl[];
}

const RBAC_ADMIN = ['rbac-cluster-admin-binding', 'rbac-wildcard', 'rbac-escalation'];
const RBAC_ALL = [...RBAC_ADMIN, 'rbac-secrets-access', 'rbac-pod-exec', 'rbac-missing-subject'];
const PRIVILEGE = ['container-privileged', 'container-privilege-escalation', 'pss-host-process'];
const HOST = [
  'pod-host-network',
  'pod-host-pid',
  'pod-host-ipc',
  'pod-host-path-volume',
  'pod-runtime-socket',
  'container-host-port',
];
const ROOT = ['container-run-as-non-root', 'container-run-as-root-user'];
const CAPS = [
  'container-dangerous-capabilities',
  'pss-baseline-capabilities',
  'pss-restricted-capabilities',
  'container-drop-all-capabilities',
];
const CONFINEMENT = [
  'pod-seccomp-profile',
  'pss-seccomp-unconfined',
  'pss-apparmor',
  'pss-selinux',
  'container-proc-mount',
  'pod-unsafe-sysctls',
];
const EXPOSURE = ['service-load-balancer', 'service-node-port', 'ingress-wildcard-host'];
const SECRETS = ['secret-env-literal', 'configmap-secrets'];
const IMAGES = ['image-latest-tag', 'image-digest'];

/**
 * The CIS Kubernetes Benchmark (v1.9) controls of section 5 that can be checked through the API.
 * @see https://www.cisecurity.org/benchmark/kubernetes
 */
const CIS: Framework = {
  id: 'CIS',
  title: 'CIS Kubernetes Benchmark v1.9 (API-checkable controls)',
  controls: [
    {
      id: '5.1.1',
      title: 'Ensure that the cluster-admin role is only used where required',
      checks: ['rbac-cluster-admin-binding'],
    },
    { id: '5.1.2', title: 'Minimize access to secrets', checks: ['rbac-secrets-access'] },
    { id: '5.1.3', title: 'Minimize wildcard use in Roles and ClusterRoles', checks: ['rbac-wildcard'] },
    { id: '5.1.4', title: 'Minimize access to create pods', checks: ['rbac-pod-exec'] },
    {
      id: '5.1.6',
      title: 'Ensure that Service Account Tokens are only mounted where necessary',
      checks: ['pod-automount-service-account-token'],
    },
    { id: '5.1.8', title: 'Limit use of the Bind, Impersonate and Escalate permissions', checks: ['rbac-escalation'] },
    { id: '5.2.2', title: 'Minimize the admission of privileged containers', checks: ['container-privileged'] },
    {
      id: '5.2.3',
      title: 'Minimize the admission of containers wishing to share the host process ID namespace',
      checks: ['pod-host-pid'],
    },
    {
      id: '5.2.4',
      title: 'Minimize the admission of containers wishing to share the host IPC namespace',
      checks: ['pod-host-ipc'],
    },
    {
      id: '5.2.5',
      title: 'Minimize the admission of containers wishing to share the host network namespace',
      checks: ['pod-host-network'],
    },
    {
      id: '5.2.6',
      title: 'Minimize the admission of containers with allowPrivilegeEscalation',
      checks: ['container-privilege-escalation'],
    },
    { id: '5.2.7', title: 'Minimize the admission of root containers', checks: ROOT },
    {
      id: '5.2.8',
      title: 'Minimize the admission of containers with the NET_RAW capability',
      checks: ['container-dangerous-capabilities'],
    },
    {
      id: '5.2.9',
      title: 'Minimize the admission of containers with added capabilities',
      checks: ['pss-baseline-capabilities', 'pss-restricted-capabilities'],
    },
    {
      id: '5.2.10',
      title: 'Minimize the admission of containers with capabilities assigned',
      checks: ['container-drop-all-capabilities'],
    },
    { id: '5.2.11', title: 'Minimize the admission of Windows HostProcess containers', checks: ['pss-host-process'] },
    {
      id: '5.2.12',
      title: 'Minimize the admission of HostPath volumes',
      checks: ['pod-host-path-volume', 'pod-runtime-socket'],
    },
    {
      id: '5.2.13',
      title: 'Minimize the admission of containers which use HostPorts',
      checks: ['container-host-port'],
    },
    {
      id: '5.3.2',
      title: 'Ensure that all Namespaces have Network Policies defined',
      checks: ['network-policy-coverage'],
    },
    {
      id: '5.4.1',
      title: 'Prefer using secrets as files over secrets as environment variables',
      checks: ['secret-env-literal'],
    },
    {
      id: '5.7.2',
      title: 'Ensure that the seccomp profile is set to RuntimeDefault in your pod definitions',
      checks: ['pod-seccomp-profile', 'pss-seccomp-unconfined'],
    },
    {
      id: '5.7.3',
      title: 'Apply Security Context to Your Pods and Containers',
      checks: ['container-read-only-root-fs', 'pss-apparmor', 'pss-selinux'],
    },
  ],
};

/**
 * NSA/CISA Kubernetes Hardening Guidance (v1.2), the pod, network and authorization sections.
 * @see https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF
 */
const NSA_CISA: Framework = {
  id: 'NSA_CISA',
  title: 'NSA/CISA Kubernetes Hardening Guidance v1.2',
  controls: [
    { id: 'pod-non-root', title: 'Use containers built to run applications as non-root users', checks: ROOT },
    {
      id: 'pod-immutable-fs',
      title: 'Run containers with immutable file systems',
      checks: ['container-read-only-root-fs'],
    },
    {
      id: 'pod-privileged',
      title: 'Do not run privileged containers or allow privilege escalation',
      checks: PRIVILEGE,
    },
    { id: 'pod-host-access', title: 'Do not share host namespaces, paths or ports', checks: HOST },
    { id: 'pod-capabilities', title: 'Drop capabilities not needed', checks: CAPS },
    { id: 'pod-confinement', title: 'Use seccomp, AppArmor and SELinux to confine containers', checks: CONFINEMENT },
    {
      id: 'pod-service-account',
      title: 'Do not automount service account tokens where not needed',
      checks: ['pod-automount-service-account-token'],
    },
    {
      id: 'pod-resources',
      title: 'Set resource limits to prevent denial of service',
      checks: ['container-memory-limits'],
    },
    { id: 'image-trust', title: 'Use trusted, pinned images', checks: IMAGES },
    {
      id: 'network-separation',
      title: 'Use NetworkPolicies to isolate resources (default deny)',
      checks: ['network-policy-coverage'],
    },
    {
      id: 'network-exposure',
      title: 'Limit exposure of services and encrypt traffic',
      checks: [...EXPOSURE, 'ingress-tls'],
    },
    {
      id: 'secrets',
      title: 'Keep credentials in Secrets, not in configuration or environment literals',
      checks: SECRETS,
    },
    { id: 'rbac-least-privilege', title: 'Use RBAC with least privilege', checks: RBAC_ALL },
  ],
};

/** SOC 2 Trust Services Criteria (2017) common criteria the posture evidences. */
const SOC2: Framework = {
  id: 'SOC2',
  title: 'SOC 2 Trust Services Criteria (mapping)',
  controls: [
    {
      id: 'CC6.1',
      title: 'Logical access security: least privilege',
      checks: [...RBAC_ALL, 'pod-automount-service-account-token'],
    },
    {
      id: 'CC6.3',
      title: 'Access is removed and reviewed (no dangling grants)',
      checks: ['rbac-missing-subject', 'secret-unused'],
    },
    {
      id: 'CC6.6',
      title: 'Boundary protection against threats from outside',
      checks: ['network-policy-coverage', ...EXPOSURE],
    },
    { id: 'CC6.7', title: 'Transmission of data is protected', checks: ['ingress-tls'] },
    { id: 'CC6.8', title: 'Prevent or detect unauthorized or malicious software', checks: [...IMAGES, ...PRIVILEGE] },
    {
      id: 'CC7.1',
      title: 'Configuration is monitored for vulnerabilities',
      checks: [...HOST, ...CAPS, ...CONFINEMENT, ...ROOT],
    },
    { id: 'CC8.1', title: 'Secrets are managed and not exposed in configuration', checks: SECRETS },
  ],
};

/** HIPAA Security Rule technical safeguards (45 CFR 164.312) and access management. */
const HIPAA: Framework = {
  id: 'HIPAA',
  title: 'HIPAA Security Rule (mapping)',
  controls: [
    {
      id: '164.308(a)(4)',
      title: 'Information access management',
      checks: ['rbac-secrets-access', 'rbac-cluster-admin-binding', 'rbac-wildcard'],
    },
    { id: '164.312(a)(1)', title: 'Access control', checks: [...RBAC_ALL, 'pod-automount-service-account-token'] },
    { id: '164.312(b)', title: 'Audit controls: workloads confined and accountable', checks: [...PRIVILEGE, ...HOST] },
    { id: '164.312(c)(1)', title: 'Integrity', checks: ['container-read-only-root-fs', ...IMAGES] },
    { id: '164.312(d)', title: 'Person or entity authentication (no credentials in clear)', checks: SECRETS },
    {
      id: '164.312(e)(1)',
      title: 'Transmission security',
      checks: ['ingress-tls', 'network-policy-coverage', ...EXPOSURE],
    },
  ],
};

/** PCI DSS v4.0 requirements the posture evidences. */
const PCI_DSS: Framework = {
  id: 'PCI_DSS',
  title: 'PCI DSS v4.0 (mapping)',
  controls: [
    { id: '1.2.1', title: 'Network security controls are configured', checks: ['network-policy-coverage'] },
    { id: '1.3.1', title: 'Inbound traffic to the cardholder data environment is restricted', checks: EXPOSURE },
    { id: '2.2.1', title: 'System components are configured securely', checks: [...HOST, ...CAPS, ...CONFINEMENT] },
    {
      id: '2.2.5',
      title: 'Insecure services and functions are disabled',
      checks: ['container-ssh-port', ...PRIVILEGE],
    },
    { id: '4.2.1', title: 'Strong cryptography protects data in transmission', checks: ['ingress-tls'] },
    { id: '6.3.2', title: 'Software components are inventoried and pinned', checks: IMAGES },
    { id: '7.2.1', title: 'Access is limited to least privilege', checks: RBAC_ALL },
    {
      id: '8.6.1',
      title: 'System and application accounts are managed',
      checks: ['pod-automount-service-account-token', 'rbac-missing-subject'],
    },
    { id: '8.6.2', title: 'Passwords are not hard-coded', checks: SECRETS },
  ],
};

/** Every framework a compliance report can be made for. */
export const FRAMEWORKS: readonly Framework[] = [CIS, NSA_CISA, SOC2, HIPAA, PCI_DSS];
