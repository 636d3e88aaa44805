import type { Store } from '../openStore.js';
import { sampleTime as at } from './sampleTime.js';

/**
 * Creates one record of every seed-004 entity (incidents, runbooks, security, cost, CI/CD, documentation,
 * self-healing) on the cluster `cluster_id`, parents first; part of {@link createSampleRecords}.
 */
export async function createOperationsSamples(store: Store, cluster_id: string, n: number) {
  const incident = await store.incidents.create({
    cluster_id,
    title: 'backend down',
    description: 'all pods crash-looping',
    severity: 'CRITICAL',
    status: 'MITIGATING',
    root_cause: 'OOM',
    affected_resources: [{ kind: 'Deployment', namespace: 'todo', name: 'backend' }],
    post_mortem: 'raise the memory limit',
  });
  const incidentAction = await store.incidents.addAction(incident.id, {
    action_type: 'rollback',
    description: 'rolled back to revision 3',
    actor: 'opspilot',
    status: 'SUCCEEDED',
    result: { revision: 3 },
  });
  const runbook = await store.runbooks.create({
    name: `restart backend ${n}`,
    description: 'restart the backend pods',
    trigger_conditions: { alertname: 'BackendDown' },
    steps: [{ id: 's1', name: 'restart', action: 'deployment:restart', input: { name: 'backend' }, effect: 'WRITE' }],
    auto_execute: true,
    requires_approval: false,
  });
  const runbookExecution = await store.runbookExecutions.create({
    runbook_id: runbook.id,
    incident_id: incident.id,
    status: 'SUCCEEDED',
    triggered_by: 'alice',
    step_results: [{ step_id: 's1', status: 'SUCCEEDED', output: 'restarted' }],
    started_at: at(5),
    finished_at: at(6),
  });
  const securityScan = await store.securityScans.create({
    cluster_id,
    scan_type: 'CONTAINER',
    target: 'ghcr.io/acme/backend:1.4.0',
    status: 'COMPLETED',
    findings_count: 3,
    critical_count: 1,
    high_count: 1,
    medium_count: 1,
    low_count: 0,
    report: { scanner: 'builtin' },
    completed_at: at(8),
  });
  const vulnerability = await store.vulnerabilities.create({
    scan_id: securityScan.id,
    vulnerability_id: 'CVE-2024-12345',
    package: 'openssl',
    installed_version: '3.0.1',
    fixed_version: '3.0.2',
    severity: 'CRITICAL',
    cvss: 9.8,
    title: 'buffer overflow',
    resource: { kind: 'Deployment', namespace: 'todo', name: 'backend' },
    image: 'ghcr.io/acme/backend:1.4.0',
  });
  const securityPolicy = await store.securityPolicies.create({
    name: `no privileged pods ${n}`,
    framework: 'CIS',
    rules: [{ id: 'cis-5.2.1', description: 'no privileged containers', config: { allow: false } }],
    enforcement: 'ENFORCE',
    enabled: false,
  });
  const complianceReport = await store.complianceReports.create({
    cluster_id,
    framework: 'SOC2',
    controls: [{ id: 'CC6.1', title: 'access', status: 'PASS', evidence: 'rbac' }],
    score: 87.5,
  });
  const costRecord = await store.costRecords.create({
    cluster_id,
    resource_type: 'Deployment',
    resource_id: 'todo/backend',
    namespace: 'todo',
    cost_amount: 12.3456,
    currency: 'EUR',
    period_start: at(0),
    period_end: at(59),
    metadata: { source: 'opencost' },
  });
  const costRecommendation = await store.costRecommendations.create({
    cluster_id,
    type: 'RIGHTSIZE',
    resource: { kind: 'Deployment', namespace: 'todo', name: 'backend' },
    description: 'lower the CPU request to 250m',
    current_monthly_cost: 40.5,
    estimated_monthly_savings: 20.25,
    proposed_change: { cpu: '250m' },
    confidence: 0.8,
    status: 'APPLIED',
  });
  const resourceUtilization = await store.resourceUtilization.create({
    cluster_id,
    resource: { kind: 'Deployment', namespace: 'todo', name: 'backend' },
    cpu_requested_cores: 0.5,
    cpu_used_cores: 0.125,
    memory_requested_bytes: 536_870_912,
    memory_used_bytes: 134_217_728,
    window_start: at(0),
    window_end: at(59),
  });
  const budgetAlert = await store.budgetAlerts.create({
    name: `platform budget ${n}`,
    scope: { cluster_id, namespace: 'todo', label: 'team=platform' },
    amount: 1500.5,
    period: 'QUARTERLY',
    thresholds_percent: [50, 90],
    notify: ['slack:#finops'],
    enabled: false,
    last_triggered_at: at(9),
  });
  const pipeline = await store.pipelines.create({
    name: `ci ${n}`,
    repository: 'acme/todo',
    branch: 'main',
    config: { stages: ['test', 'build'] },
    status: 'PAUSED',
    last_run_at: at(10),
  });
  const pipelineRun = await store.pipelineRuns.create({
    pipeline_id: pipeline.id,
    status: 'FAILED',
    trigger: 'push',
    commit_sha: 'abc1234',
    stages: [{ name: 'test', status: 'FAILED', duration_ms: 61_000 }],
    started_at: at(10),
    finished_at: at(11),
    duration_ms: 61_000,
  });
  const pipelineOptimization = await store.pipelineOptimizations.create({
    pipeline_id: pipeline.id,
    category: 'CACHING',
    description: 'cache node_modules',
    estimated_time_saved_ms: 30_000,
    proposed_change: { cache: ['node_modules'] },
  });
  const testIntelligence = await store.testIntelligence.create({
    pipeline_id: pipeline.id,
    test_id: 'api/test_todos.py::test_create',
    file_path: 'api/test_todos.py',
    flakiness: 0.1,
    failure_rate: 0.05,
    avg_duration_ms: 120,
    runs: 40,
    last_results: ['PASS', 'FAIL'],
    covered_paths: ['api/todos.py'],
  });
  const docTemplate = await store.docTemplates.create({
    name: `runbook template ${n}`,
    doc_type: 'RUNBOOK',
    format: 'MARKDOWN',
    body: '# {{title}}',
    variables: ['title'],
  });
  const generatedDoc = await store.generatedDocs.create({
    cluster_id,
    title: 'Backend runbook',
    doc_type: 'RUNBOOK',
    format: 'MARKDOWN',
    content: '# Backend runbook',
    template_id: docTemplate.id,
    source_refs: [`incident:${incident.id}`],
    version: 2,
  });
  const architectureSnapshot = await store.architectureSnapshots.create({
    cluster_id,
    summary: { namespaces: 3, workloads: 7, services: 5, nodes: 2 },
    resources: [{ kind: 'Deployment', name: 'backend' }],
    mermaid: 'graph TD; a-->b',
  });
  const healingRule = await store.healingRules.create({
    cluster_id,
    name: `restart crash-looping pods ${n}`,
    condition_type: 'pod-crash-loop',
    condition_config: { restarts: 5 },
    action_type: 'pod:restart',
    action_config: { grace_seconds: 30 },
    enabled: false,
    cooldown_seconds: 600,
    max_retries: 5,
  });
  const healingAction = await store.healingActions.create({
    rule_id: healingRule.id,
    cluster_id,
    target: 'pod/todo/backend-1',
    status: 'SUCCEEDED',
    dry_run: true,
    attempt: 2,
    result: { restarted: true },
    started_at: at(12),
    finished_at: at(13),
  });
  const healingPattern = await store.healingPatterns.create({
    signature: `oom-kill:backend:${n}`,
    description: 'OOM kills after deploys',
    occurrences: 4,
    success_rate: 0.75,
    recommended_action: 'deployment:rollback',
    last_seen_at: at(14),
  });
  return {
    incident,
    incidentAction,
    runbook,
    runbookExecution,
    securityScan,
    vulnerability,
    securityPolicy,
    complianceReport,
    costRecord,
    costRecommendation,
    resourceUtilization,
    budgetAlert,
    pipeline,
    pipelineRun,
    pipelineOptimization,
    testIntelligence,
    docTemplate,
    generatedDoc,
    architectureSnapshot,
    healingRule,
    healingAction,
    healingPattern,
  };
}
