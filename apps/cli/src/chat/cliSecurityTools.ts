import type { ToolBackend } from '@opspilot/chat';
import type { OpspilotConfig } from '@opspilot/config';
import { systemClock } from '@opspilot/core';
import type { KubeClusterGateway } from '@opspilot/kube';
import { SEVERITY_ORDER, scanCluster } from '@opspilot/security';

/**
 * The security members of the CLI's tool backend (`security_findings`, `security_posture`): a read-only posture scan
 * of the CLI's cluster as `opspilot security scan` makes it (the configured namespace, if any), not stored. The
 * registry redacts, bounds and labels the result as untrusted like every other read tool.
 */
export function cliSecurityTools(
  config: OpspilotConfig,
  gateway: KubeClusterGateway,
): Pick<ToolBackend, 'securityFindings' | 'securityPosture'> {
  const scan = () =>
    scanCluster(gateway, {
      cluster: gateway.config.cluster || gateway.config.context,
      clock: systemClock,
      ...(config.kube.namespace ? { namespace: config.kube.namespace } : {}),
    });
  return {
    async securityFindings(_clusterId, filter) {
      const s = await scan();
      const findings = s.findings
        .filter(
          (f) =>
            (!filter.severity || f.severity === filter.severity) &&
            (!filter.namespace || f.object.namespace === filter.namespace),
        )
        .sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
      return {
        scan: { status: s.status, completed_at: s.completedAt, errors: s.errors },
        total: findings.length,
        findings: findings.slice(0, filter.limit),
      };
    },
    async securityPosture() {
      const s = await scan();
      return {
        status: s.status,
        score: s.score,
        counts: s.counts,
        objects: s.objects,
        completed_at: s.completedAt,
        namespaces: s.namespaces.slice(0, 20),
        errors: s.errors,
      };
    },
  };
}
