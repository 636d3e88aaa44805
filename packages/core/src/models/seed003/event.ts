import { z } from 'zod';
import { JsonObject, Timestamp, Uuid } from '../common.js';

/**
 * Types of live event (seed 003 §6.1), plus opspilot's own lifecycle events: `PLAN_STATE_CHANGED` when an
 * operation moves through review, `FINDING_DETECTED` when an analyzer reports a problem, and `AUDIT_APPENDED` when
 * the audit log records an action, and `RESOURCES_CHANGED` when the live objects of a watched cluster change
 * (payload `{ name, kinds, changes }`, gathered per cluster), so open cluster pages refresh; `INCIDENT_OPENED`,
 * `INCIDENT_UPDATED` and `INCIDENT_RESOLVED` (payload `{ incident_id, status, severity, title }`, plus `first_seen`,
 * `recurring` and `occurrences` for an incident a finding's cause is behind) as incidents move;
 * `BUDGET_ALERT` when a cost budget's threshold is reached in fact or by forecast (payload: the budget notice);
 * `SECURITY_GATE_BLOCKED` when the image gate refuses a plan (payload `{ images, problems }`) and
 * `SECRET_ROTATION_PROPOSED` when a Secret's rotation goes to review (payload `{ namespace, name, operation_id }`);
 * `REPORT_GENERATED` when a report is stored (payload `{ report_id, report_type, format, missing_sections, delivery }`)
 * and `DOC_GENERATED` when a document is generated or regenerated (payload `{ doc_id, doc_type, version }`);
 * `PIPELINE_RUN_RECORDED` when a CI webhook creates or updates a run (payload `{ run_id, provider, kind, status,
 * commit_sha, pipeline, repository }`, plus `merged_kind` when a `check_suite` joined its `workflow_run`'s run or the
 * reverse), `DEPLOYMENT_RECORDED` when a rollout of a new image is seen on a cluster (payload `{ deployment_id,
 * service, image, run_id, rollback }`), `DEPLOYMENT_LINKED` when a run whose webhook came after the rollout is linked to
 * it (payload `{ deployment_id, run_id, link, commit_sha, previous_run_id }`) and `TEST_REPORT_INGESTED` when a JUnit report is stored (payload `{ report_id,
 * pipeline, run, tests, failures }`).
 */
export const EventType = z.enum([
  'CLUSTER_STATUS_CHANGED',
  'METRIC_UPDATE',
  'ALERT_FIRED',
  'ALERT_RESOLVED',
  'TRACE_RECEIVED',
  'GPU_UPDATE',
  'ANOMALY_DETECTED',
  'CHAT_MESSAGE',
  'PLAN_STATE_CHANGED',
  'FINDING_DETECTED',
  'AUDIT_APPENDED',
  'RESOURCES_CHANGED',
  'INCIDENT_OPENED',
  'INCIDENT_UPDATED',
  'INCIDENT_RESOLVED',
  'HEALING_ACTION_STARTED',
  'HEALING_ACTION_FINISHED',
  'HEALING_RULE_PAUSED',
  'SECURITY_SCAN_COMPLETED',
  'BUDGET_ALERT',
  'SECURITY_GATE_BLOCKED',
  'SECRET_ROTATION_PROPOSED',
  'REPORT_GENERATED',
  'DOC_GENERATED',
  'PIPELINE_RUN_RECORDED',
  'DEPLOYMENT_RECORDED',
  'DEPLOYMENT_LINKED',
  'TEST_REPORT_INGESTED',
]);
export type EventType = z.infer<typeof EventType>;

/**
 * A real-time event pushed to WebSocket clients and engines (seed 003 §6.1). Ephemeral: streamed, never stored.
 * `namespace` is an opspilot addition so that subscriptions can filter by namespace (seed 003 §6.2).
 */
export const Event = z.object({
  event_id: Uuid.optional(),
  event_type: EventType,
  cluster_id: Uuid.optional(),
  namespace: z.string().optional(),
  timestamp: Timestamp,
  payload: JsonObject.default({}),
});
export type Event = z.infer<typeof Event>;
