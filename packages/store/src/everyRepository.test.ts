import {
  Alert,
  AuditTrailEntry,
  ChatMessage,
  ChatSession,
  CiRun,
  Cluster,
  ClusterCredentials,
  DeploymentRecord,
  GeneratedConfig,
  Incident,
  IncidentAction,
  Operation,
  TestCaseResult,
  TestReport,
  WebhookDelivery,
} from '@opspilot/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { StoredAlertEvent } from './alertEvent.js';
import { StoredBudgetNotice } from './budgetNoticeRepository.js';
import { StoredMcpServer } from './chatMcpServerRepository.js';
import { ENTITY_SPECS } from './entitySpecs.js';
import { StoredFindingSighting } from './findingSightingRepository.js';
import type { Store } from './openStore.js';
import { OperationLeaseRecord } from './operationRepository.js';
import { StoredDocVersion, StoredReportFile, StoredReportSchedule } from './reportRecords.js';
import { rowCodec } from './rowMapping.js';
import { StoredSecurityFinding } from './securityFindingRepository.js';
import { StoredScanSchedule, StoredSecurityGate } from './securityScheduleRepository.js';
import { SpanRow } from './spanRepository.js';
import { createSampleRecords, DIALECTS, openTestStore, type TestStore } from './testing/index.js';
import { AUTH_TABLES } from './users/authRows.js';

/** Every table and the entity schema its rows are parsed with. */
const TABLES: [string, z.ZodType][] = [
  ...Object.values(ENTITY_SPECS).map((s) => [s.table, s.schema] as [string, z.ZodType]),
  ['clusters', Cluster],
  ['cluster_credentials', ClusterCredentials],
  ['alerts', Alert],
  ['generated_configs', GeneratedConfig],
  ['chat_sessions', ChatSession],
  ['chat_messages', ChatMessage],
  ['incidents', Incident],
  ['incident_actions', IncidentAction],
  ['audit_log', AuditTrailEntry],
  ['operations', Operation],
  ['operation_leases', OperationLeaseRecord],
  // Migration 0008: which server process watches a cluster (read and written by the server's lease table).
  ['watcher_leases', z.object({ cluster_id: z.uuid(), owner: z.string(), expires_at: z.number() })],
  // Migration 0009: spans received over OTLP.
  ['spans', SpanRow],
  // Migration 0012: each fire, resolve and re-fire of a stored alert.
  ['alert_events', StoredAlertEvent],
  // Migration 0015: the findings of security scans.
  ['security_findings', StoredSecurityFinding],
  // Migration 0016: budget thresholds crossed.
  ['budget_notices', StoredBudgetNotice],
  // Migration 0017: external MCP servers mounted into chat.
  ['chat_mcp_servers', StoredMcpServer],
  // Migration 0018: the causes diagnosis found, first and last seen.
  ['finding_sightings', StoredFindingSighting],
  // Migration 0019: scheduled security scans.
  ['security_scan_schedules', StoredScanSchedule],
  // Migration 0020: the security guardian's gate policies.
  ['security_gates', StoredSecurityGate],
  // Migration 0023: reports' rendered files and schedules; 0024: earlier versions of generated documents.
  ['report_files', StoredReportFile],
  ['report_schedules', StoredReportSchedule],
  ['generated_doc_versions', StoredDocVersion],
  // Migration 0021: CI runs, accepted webhook deliveries, sealed webhook secrets, deployments seen on clusters.
  ['ci_runs', CiRun],
  ['webhook_deliveries', WebhookDelivery],
  [
    'webhook_secrets',
    z.object({
      id: z.uuid(),
      provider: z.string(),
      name: z.string(),
      sealed_secret: z.string(),
      created_by: z.string(),
      created_at: z.string(),
      updated_at: z.string(),
    }),
  ],
  ['deployment_records', DeploymentRecord],
  // Migration 0022: JUnit reports and their test cases.
  ['test_reports', TestReport],
  ['test_case_results', TestCaseResult],
  ...AUTH_TABLES,
];

async function columnsOf(store: Store): Promise<Map<string, string[]>> {
  const schema =
    store.dialect === 'postgres'
      ? (await sql<{ s: string }>`select current_schema() as s`.execute(store.db)).rows[0]?.s
      : undefined;
  const tables = await store.db.introspection.getTables();
  return new Map(
    tables
      .filter((t) => !t.name.startsWith('kysely_') && (schema === undefined || t.schema === schema))
      .map((t) => [t.name, t.columns.map((c) => c.name).sort()]),
  );
}

describe.each(DIALECTS)('every repository on %s', (dialect) => {
  let t: TestStore;
  let store: Store;
  beforeAll(async () => {
    t = await openTestStore(dialect);
    store = t.store;
  });
  afterAll(async () => t?.cleanup());

  it('has exactly one table per stored entity, with a column for each top-level field', async () => {
    const actual = await columnsOf(store);
    const expected = new Map(TABLES.map(([table, schema]) => [table, [...rowCodec(schema, dialect).columns].sort()]));
    // A failure here means a model changed without a migration: add one (never edit a released one).
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
  });

  it('stores and reads back one fully populated record of every entity exactly', async () => {
    const samples = await createSampleRecords(store);
    const readers: Record<keyof typeof samples, () => Promise<unknown>> = {
      cluster: () => store.clusters.get(samples.cluster.id),
      aiCommand: () => store.aiCommands.get(samples.aiCommand.id),
      generatedConfig: () => store.generatedConfigs.get(samples.generatedConfig.id),
      review: () => store.reviews.get(samples.review.review_id),
      dockerImage: () => store.dockerImages.get(samples.dockerImage.id),
      helmChart: () => store.helmCharts.get(samples.helmChart.id),
      kubernetesResource: () => store.kubernetesResources.get(samples.kubernetesResource.id),
      aiToolConfig: () => store.aiToolConfigs.get(samples.aiToolConfig.id),
      deploymentTask: () => store.deploymentTasks.get(samples.deploymentTask.id),
      alert: () => store.alerts.get(samples.alert.id),
      persona: () => store.personas.get(samples.persona.id),
      chatSession: () => store.chat.sessions.get(samples.chatSession.id),
      chatMessage: () => store.chat.messages.get(samples.chatMessage.id),
      anomaly: () => store.anomalies.get(samples.anomaly.id),
      report: () => store.reports.get(samples.report.id),
      incident: () => store.incidents.get(samples.incident.id),
      incidentAction: () => store.incidents.actions.get(samples.incidentAction.id),
      runbook: () => store.runbooks.get(samples.runbook.id),
      runbookExecution: () => store.runbookExecutions.get(samples.runbookExecution.id),
      securityScan: () => store.securityScans.get(samples.securityScan.id),
      vulnerability: () => store.vulnerabilities.get(samples.vulnerability.id),
      securityPolicy: () => store.securityPolicies.get(samples.securityPolicy.id),
      complianceReport: () => store.complianceReports.get(samples.complianceReport.id),
      costRecord: () => store.costRecords.get(samples.costRecord.id),
      costRecommendation: () => store.costRecommendations.get(samples.costRecommendation.id),
      resourceUtilization: () => store.resourceUtilization.get(samples.resourceUtilization.id),
      budgetAlert: () => store.budgetAlerts.get(samples.budgetAlert.id),
      pipeline: () => store.pipelines.get(samples.pipeline.id),
      pipelineRun: () => store.pipelineRuns.get(samples.pipelineRun.id),
      pipelineOptimization: () => store.pipelineOptimizations.get(samples.pipelineOptimization.id),
      testIntelligence: () => store.testIntelligence.get(samples.testIntelligence.id),
      docTemplate: () => store.docTemplates.get(samples.docTemplate.id),
      generatedDoc: () => store.generatedDocs.get(samples.generatedDoc.id),
      architectureSnapshot: () => store.architectureSnapshots.get(samples.architectureSnapshot.id),
      healingRule: () => store.healingRules.get(samples.healingRule.id),
      healingAction: () => store.healingActions.get(samples.healingAction.id),
      healingPattern: () => store.healingPatterns.get(samples.healingPattern.id),
    };
    for (const [name, read] of Object.entries(readers)) {
      const stored = await read();
      // chatSession is updated by addMessage after it was created
      if (name === 'chatSession') expect(stored).toMatchObject({ id: samples.chatSession.id, message_count: 1 });
      else expect({ [name]: stored }).toEqual({ [name]: samples[name as keyof typeof samples] });
    }
  });

  it('refuses a second record with the same natural keys, and accepts another set', async () => {
    await expect(createSampleRecords(store)).rejects.toMatchObject({ name: 'ConflictError' });
    const second = await createSampleRecords(store, 2);
    expect(second.cluster.name).toBe('prod-east-2');
  });

  it('cascades or detaches children when their cluster is deleted', async () => {
    const samples = await createSampleRecords(store, 3);
    await store.clusters.delete(samples.cluster.id);
    expect(await store.anomalies.find(samples.anomaly.id)).toBeUndefined();
    expect(await store.architectureSnapshots.find(samples.architectureSnapshot.id)).toBeUndefined();
    expect((await store.incidents.get(samples.incident.id)).cluster_id).toBeUndefined();
    expect((await store.costRecords.get(samples.costRecord.id)).cluster_id).toBeUndefined();
  });
});
