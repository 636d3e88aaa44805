import type { Store } from '../openStore.js';
import { createOperationsSamples } from './createOperationsSamples.js';
import { sampleTime as at } from './sampleTime.js';

/**
 * Creates one record of every stored entity through the store's repositories, parents first, with the optional
 * fields filled in (so every column, JSON shape and boolean is exercised), and returns them by repository name.
 * For tests of any package that need a populated store; `n` keeps names unique when called more than once.
 */
export async function createSampleRecords(store: Store, n = 1) {
  const cluster = await store.clusters.create({
    name: `prod-east-${n}`,
    display_name: 'Production East',
    api_server_url: 'https://api.prod-east.example.com:6443',
    cluster_type: 'HUB',
    platform: 'KUBERNETES',
    platform_version: '1.35.0',
    region: 'us-east-1',
    environment: 'PRODUCTION',
    capabilities: { has_gpu_nodes: true, gpu_count: 8, gpu_types: ['NVIDIA H100'], cnf_types: ['UPF'] },
    endpoints: { prometheus_url: 'https://prometheus.example.com' },
    labels: { team: 'platform' },
  });
  const cluster_id = cluster.id;
  const aiCommand = await store.aiCommands.create({
    command_type: 'OPSPILOT',
    natural_language_input: 'scale backend to 3 replicas',
    generated_output: 'kubectl scale deployment/backend --replicas=3',
    validation_status: 'NEEDS_REVIEW',
    applied_to_cluster: false,
    user_id: 'alice',
    cluster_id,
  });
  const generatedConfig = await store.generatedConfigs.create({
    ai_command_id: aiCommand.id,
    file_path: 'k8s/backend.yaml',
    content: 'kind: Deployment',
    generator_tool: 'opspilot',
    resource_type: 'Deployment',
    validation_results: [{ rule: 'no-latest-tag', severity: 'WARNING', message: 'pin the tag', line: 12, column: 3 }],
    human_review_required: true,
    review_notes: 'check limits',
  });
  const review = await store.reviews.create({
    generated_config_id: generatedConfig.id,
    reviewer_id: 'bob',
    approval_status: 'APPROVED',
    feedback_notes: 'ok',
    applied_to_production: true,
  });
  const dockerImage = await store.dockerImages.create({
    name: 'ghcr.io/acme/backend',
    tag: `1.4.0-${n}`,
    base_image: 'python:3.12-slim',
    dependencies: ['fastapi'],
    size_bytes: 123_456_789,
    optimization: { layers: 9, multi_stage: true, original_size_bytes: 987_654_321, notes: ['slim base'] },
    security_scan: { scanned_at: at(1), critical: 0, high: 1, medium: 2, low: 3, passed: true },
  });
  const helmChart = await store.helmCharts.create({
    name: `todo-${n}`,
    version: '0.3.1',
    app_version: '1.4.0',
    values: { replicaCount: 2, image: { tag: '1.4.0' } },
    templates: [{ path: 'templates/deployment.yaml', kind: 'Deployment' }],
    dependencies: [{ name: 'redis', version: '19.0.0', repository: 'oci://registry-1.docker.io/bitnamicharts' }],
  });
  const kubernetesResource = await store.kubernetesResources.create({
    kind: 'Deployment',
    api_version: 'apps/v1',
    name: 'backend',
    namespace: 'todo',
    parameters: { replicas: 3, resources: { limits: { memory: '512Mi', cpu: '500m' } }, ports: [8000] },
    labels: { app: 'backend' },
    selector: { app: 'backend' },
    health: { ready: false, message: 'rolling out' },
    helm_chart_id: helmChart.id,
    image_refs: ['ghcr.io/acme/backend:1.4.0'],
  });
  const aiToolConfig = await store.aiToolConfigs.create({
    tool: 'KUBECTL_AI',
    parameters: { model: 'offline' },
    target: { cluster_id, context: 'prod', namespace: 'todo' },
    recommendations: ['set requests'],
    analysis_results: [{ finding: 'no limits' }],
    powershell_compatible: false,
  });
  const deploymentTask = await store.deploymentTasks.create({
    task_key: `T${String(n).padStart(3, '0')}`,
    description: 'containerise the backend',
    agent_prompt: 'write a Dockerfile',
    expected_output: 'Dockerfile',
    depends_on: ['T000'],
    user_story: 'US1',
    priority: 'P1',
    status: 'IN_PROGRESS',
  });
  const alert = await store.alerts.create({
    fingerprint: `fp-${n}`,
    cluster_id,
    cluster_name: cluster.name,
    alertname: 'HighCPUUsage',
    severity: 'WARNING',
    state: 'FIRING',
    labels: { namespace: 'todo' },
    annotations: { summary: 'CPU above 90%' },
    starts_at: at(2),
    ends_at: at(3),
    generator_url: 'https://prometheus.example.com/graph',
  });
  const persona = await store.personas.insert({
    id: `platform-ops-${n}`,
    name: `Platform Operations ${n}`,
    description: 'platform expert',
    system_prompt: 'You operate Kubernetes platforms.',
    capabilities: ['query_metrics'],
    icon: 'server',
    tone: 'terse',
    scope: 'all-clusters',
    is_builtin: true,
    created_by: 'system',
  });
  const chatSession = await store.chat.sessions.create({
    user_id: 'alice',
    title: 'GPU investigation',
    persona_id: persona.id,
    cluster_context: [cluster_id],
  });
  const chatMessage = await store.chat.addMessage(chatSession.id, {
    role: 'ASSISTANT',
    content: 'checking',
    persona_id: persona.id,
    tool_calls: [{ id: 't1', name: 'query_metrics', arguments: { query: 'up' } }],
    tool_results: [{ tool_call_id: 't1', status: 'SUCCESS', result: { value: 1 } }],
    model: 'offline-planner',
    tokens_used: 42,
    latency_ms: 7,
  });
  const anomaly = await store.anomalies.create({
    cluster_id,
    metric_name: 'container_cpu_usage_seconds_total',
    labels: { pod: 'backend-1' },
    detection_type: 'STATISTICAL',
    severity: 'HIGH',
    confidence_score: 0.92,
    anomaly_type: 'SPIKE',
    expected_value: 0.25,
    actual_value: 1.75,
    deviation_percent: 600.5,
    explanation: 'CPU spike',
    related_alerts: [alert.id],
  });
  const report = await store.reports.create({
    title: 'Weekly GPU report',
    report_type: 'EXECUTIVE_SUMMARY',
    format: 'MARKDOWN',
    cluster_scope: [cluster_id],
    time_range: { start: at(0), end: at(30) },
    generated_by: 'system',
    storage_path: 'reports/weekly.md',
    size_bytes: 2048,
    expires_at: at(59),
  });
  return {
    cluster,
    aiCommand,
    generatedConfig,
    review,
    dockerImage,
    helmChart,
    kubernetesResource,
    aiToolConfig,
    deploymentTask,
    alert,
    persona,
    chatSession,
    chatMessage,
    anomaly,
    report,
    ...(await createOperationsSamples(store, cluster_id, n)),
  };
}
