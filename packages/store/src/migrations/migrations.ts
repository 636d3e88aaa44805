import type { Migration, MigrationProvider } from 'kysely';
import type { Dialect } from '../dialect.js';
import { m0001Initial } from './m0001Initial.js';
import { m0002UniqueNames } from './m0002UniqueNames.js';
import { m0003Auth } from './m0003Auth.js';
import { m0004Operations } from './m0004Operations.js';
import { m0005OperationLeases } from './m0005OperationLeases.js';
import { m0006Revisions } from './m0006Revisions.js';
import { m0007LoginLimits } from './m0007LoginLimits.js';
import { m0008WatcherLeases } from './m0008WatcherLeases.js';
import { m0009Traces } from './m0009Traces.js';
import { m0011Incidents } from './m0011Incidents.js';
import { m0012AlertHistory } from './m0012AlertHistory.js';
import { m0013RunbookExecutionCluster } from './m0013RunbookExecutionCluster.js';
import { m0015SecurityFindings } from './m0015SecurityFindings.js';
import { m0016CostNotices } from './m0016CostNotices.js';
import { m0017ChatMcpServers } from './m0017ChatMcpServers.js';
import { m0018FindingSightings } from './m0018FindingSightings.js';
import { m0019SecurityScanSchedules } from './m0019SecurityScanSchedules.js';
import { m0020SecurityGates } from './m0020SecurityGates.js';
import { m0021CiRuns } from './m0021CiRuns.js';
import { m0022TestResults } from './m0022TestResults.js';
import { m0023ReportHistory } from './m0023ReportHistory.js';
import { m0024DocVersions } from './m0024DocVersions.js';
import { m0025PersonaToneScope } from './m0025PersonaToneScope.js';
import { m0027ManualHealingActions } from './m0027ManualHealingActions.js';
import { m0028IncidentCauses } from './m0028IncidentCauses.js';
import { m0030CiRunSuites } from './m0030CiRunSuites.js';

/** Names of every migration, in the order they apply. */
export const MIGRATION_NAMES = [
  '0001_initial',
  '0002_unique_names',
  '0003_auth',
  '0004_operations',
  '0005_operation_leases',
  '0006_revisions',
  '0007_login_limits',
  '0008_watcher_leases',
  '0009_traces',
  '0011_incidents',
  '0012_alert_history',
  '0013_runbook_execution_cluster',
  '0015_security_findings',
  '0016_cost_notices',
  '0017_chat_mcp_servers',
  '0018_finding_sightings',
  '0019_security_scan_schedules',
  '0020_security_gates',
  '0021_ci_runs',
  '0022_test_results',
  '0023_report_history',
  '0024_doc_versions',
  '0025_persona_tone_scope',
  '0027_manual_healing_actions',
  '0028_incident_causes',
  '0030_ci_run_suites',
] as const;

/**
 * The one ordered list of migrations, the same for SQLite and PostgreSQL (the few dialect differences — column
 * types, trigger syntax — are decided inside each migration). Append a new one; never edit a released one.
 */
export function migrationProvider(dialect: Dialect): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<(typeof MIGRATION_NAMES)[number], Migration>> {
      return {
        '0001_initial': m0001Initial(dialect),
        '0002_unique_names': m0002UniqueNames,
        '0003_auth': m0003Auth(dialect),
        '0004_operations': m0004Operations(dialect),
        '0005_operation_leases': m0005OperationLeases(dialect),
        '0006_revisions': m0006Revisions(dialect),
        '0007_login_limits': m0007LoginLimits(dialect),
        '0008_watcher_leases': m0008WatcherLeases(dialect),
        '0009_traces': m0009Traces(dialect),
        '0011_incidents': m0011Incidents(dialect),
        '0012_alert_history': m0012AlertHistory(dialect),
        '0013_runbook_execution_cluster': m0013RunbookExecutionCluster(dialect),
        '0015_security_findings': m0015SecurityFindings(dialect),
        '0016_cost_notices': m0016CostNotices(dialect),
        '0017_chat_mcp_servers': m0017ChatMcpServers(dialect),
        '0018_finding_sightings': m0018FindingSightings(dialect),
        '0019_security_scan_schedules': m0019SecurityScanSchedules(dialect),
        '0020_security_gates': m0020SecurityGates(dialect),
        '0021_ci_runs': m0021CiRuns(dialect),
        '0022_test_results': m0022TestResults(dialect),
        '0023_report_history': m0023ReportHistory(dialect),
        '0024_doc_versions': m0024DocVersions(dialect),
        '0025_persona_tone_scope': m0025PersonaToneScope(dialect),
        '0027_manual_healing_actions': m0027ManualHealingActions(dialect),
        '0028_incident_causes': m0028IncidentCauses(dialect),
        '0030_ci_run_suites': m0030CiRunSuites(dialect),
      };
    },
  };
}
