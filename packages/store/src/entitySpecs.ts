import * as m from '@opspilot/core';
import type { EntitySpec } from './repository.js';

const created = ['created_at'];
const both = ['created_at', 'updated_at'];

function spec<T, N>(
  table: string,
  noun: string,
  schema: EntitySpec<T, N>['schema'],
  newSchema: EntitySpec<T, N>['newSchema'],
  stamps: string[] = created,
  extra: Partial<EntitySpec<T, N>> = {},
): EntitySpec<T, N> {
  return { table, noun, schema, newSchema, stamps, ...extra };
}

/**
 * Every entity stored through the generic repository, keyed by its repository name on the store. Aggregates with
 * behaviour of their own (clusters, alerts, generated configurations, chat, incidents, the audit log) have their own files.
 */
export const ENTITY_SPECS = {
  aiCommands: spec('ai_commands', 'AI command', m.AiCommand, m.NewAiCommand, ['timestamp']),
  reviews: spec('reviews', 'review', m.Review, m.NewReview, ['review_timestamp'], { idField: 'review_id' }),
  dockerImages: spec('docker_images', 'Docker image', m.DockerImage, m.NewDockerImage, [], { orderBy: 'name' }),
  helmCharts: spec('helm_charts', 'Helm chart', m.HelmChart, m.NewHelmChart, [], { orderBy: 'name' }),
  kubernetesResources: spec(
    'kubernetes_resources',
    'Kubernetes resource',
    m.KubernetesResource,
    m.NewKubernetesResource,
    [],
    { orderBy: 'name' },
  ),
  aiToolConfigs: spec('ai_tool_configs', 'AI tool configuration', m.AiToolConfig, m.NewAiToolConfig, []),
  deploymentTasks: spec('deployment_tasks', 'deployment task', m.DeploymentTask, m.NewDeploymentTask, [], {
    orderBy: 'task_key',
  }),
  personas: spec('personas', 'persona', m.Persona, m.Persona, [], { orderBy: 'name' }),
  anomalies: spec('anomalies', 'anomaly', m.AnomalyDetection, m.NewAnomalyDetection.partial({ detected_at: true }), [
    'detected_at',
  ]),
  reports: spec('reports', 'report', m.Report, m.NewReport, created),
  runbooks: spec('runbooks', 'runbook', m.Runbook, m.NewRunbook, both),
  runbookExecutions: spec('runbook_executions', 'runbook execution', m.RunbookExecution, m.NewRunbookExecution),
  runbookVersions: spec('runbook_versions', 'runbook version', m.RunbookVersion, m.NewRunbookVersion),
  securityScans: spec('security_scans', 'security scan', m.SecurityScan, m.NewSecurityScan, ['started_at']),
  vulnerabilities: spec('vulnerabilities', 'vulnerability', m.Vulnerability, m.NewVulnerability),
  securityPolicies: spec('security_policies', 'security policy', m.SecurityPolicy, m.NewSecurityPolicy, both),
  complianceReports: spec('compliance_reports', 'compliance report', m.ComplianceReport, m.NewComplianceReport, [
    'generated_at',
  ]),
  costRecords: spec('cost_records', 'cost record', m.CostRecord, m.NewCostRecord),
  costRecommendations: spec(
    'cost_recommendations',
    'cost recommendation',
    m.CostRecommendation,
    m.NewCostRecommendation,
  ),
  resourceUtilization: spec(
    'resource_utilization',
    'resource utilisation record',
    m.ResourceUtilization,
    m.NewResourceUtilization,
  ),
  budgetAlerts: spec('budget_alerts', 'budget alert', m.BudgetAlert, m.NewBudgetAlert),
  pipelines: spec('pipelines', 'pipeline', m.Pipeline, m.NewPipeline, both),
  pipelineRuns: spec('pipeline_runs', 'pipeline run', m.PipelineRun, m.NewPipelineRun),
  pipelineOptimizations: spec(
    'pipeline_optimizations',
    'pipeline optimisation',
    m.PipelineOptimization,
    m.NewPipelineOptimization,
  ),
  testIntelligence: spec('test_intelligence', 'test record', m.TestIntelligence, m.NewTestIntelligence, ['updated_at']),
  generatedDocs: spec('generated_docs', 'generated document', m.GeneratedDoc, m.NewGeneratedDoc, both),
  docTemplates: spec('doc_templates', 'document template', m.DocTemplate, m.NewDocTemplate),
  architectureSnapshots: spec(
    'architecture_snapshots',
    'architecture snapshot',
    m.ArchitectureSnapshot,
    m.NewArchitectureSnapshot,
    ['taken_at'],
  ),
  healingRules: spec('healing_rules', 'healing rule', m.HealingRule, m.NewHealingRule),
  healingActions: spec('healing_actions', 'healing action', m.HealingAction, m.NewHealingAction),
  healingPatterns: spec('healing_patterns', 'healing pattern', m.HealingPattern, m.NewHealingPattern),
};
