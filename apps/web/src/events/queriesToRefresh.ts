/**
 * Which API routers' cached queries an event makes stale, so open pages refresh by themselves: the cluster list on
 * status changes, the cluster browser (`fleet`) when a cluster's objects change or an analysis run announces its findings (the live problems' run counts move), the audit log on every audited action, reviews on decisions, operations on `operation.*`, metric charts on `METRIC_UPDATE`, GPU cards on `GPU_UPDATE`, the anomalies on `ANOMALY_DETECTED`, self-healing on `HEALING_*`, the security page on `SECURITY_SCAN_COMPLETED`, the incidents pages on `INCIDENT_*`, the alerts page on `ALERT_FIRED` and `ALERT_RESOLVED`. Traces follow
 * `TRACE_RECEIVED` through `useRefreshOn` (throttled: exports arrive many times a second).
 */
export function queriesToRefresh(eventType: string): string[] {
  if (eventType.startsWith('operation.')) return ['ops'];
  switch (eventType) {
    case 'CLUSTER_STATUS_CHANGED':
      return ['clusters', 'fleet'];
    case 'RESOURCES_CHANGED':
      return ['fleet', 'clusters'];
    case 'FINDING_DETECTED':
      return ['fleet'];
    case 'AUDIT_APPENDED':
      return ['audit'];
    case 'PLAN_STATE_CHANGED':
      return ['reviews', 'ops'];
    case 'METRIC_UPDATE':
      return ['metrics'];
    case 'GPU_UPDATE':
      return ['gpus'];
    case 'ANOMALY_DETECTED':
      return ['anomalies'];
    case 'HEALING_ACTION_STARTED':
    case 'HEALING_ACTION_FINISHED':
    case 'HEALING_RULE_PAUSED':
      return ['healing'];
    case 'SECURITY_SCAN_COMPLETED':
      return ['security'];
    case 'ALERT_FIRED':
    case 'ALERT_RESOLVED':
      return ['alerts'];
    case 'INCIDENT_OPENED':
    case 'INCIDENT_UPDATED':
    case 'INCIDENT_RESOLVED':
      return ['incidents'];
    default:
      return [];
  }
}
