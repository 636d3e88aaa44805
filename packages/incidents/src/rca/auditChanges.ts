import type { AuditTrailEntry, ObjectRef } from '@opspilot/core';
import type { Change, ChangeKind } from './change.js';

const KINDS: Record<string, string> = {
  deployment: 'Deployment',
  statefulset: 'StatefulSet',
  daemonset: 'DaemonSet',
  replicaset: 'ReplicaSet',
  configmap: 'ConfigMap',
  secret: 'Secret',
  node: 'Node',
  pod: 'Pod',
  service: 'Service',
  horizontalpodautoscaler: 'HorizontalPodAutoscaler',
  job: 'Job',
  cronjob: 'CronJob',
  ingress: 'Ingress',
};

/** The object an audit entry's `target` names (`deployment/todo/backend`, `node/worker-1`). */
export function refOfTarget(target: string | undefined): ObjectRef | undefined {
  if (!target) return undefined;
  const parts = target.split('/');
  const kind = KINDS[parts[0]?.toLowerCase() ?? ''] ?? parts[0];
  if (!kind) return undefined;
  if (parts.length === 2 && parts[1]) return { kind, name: parts[1] };
  if (parts.length === 3 && parts[1] && parts[2]) return { kind, namespace: parts[1], name: parts[2] };
  return undefined;
}

/** What an applied operation changed, from its target and the kubectl commands it ran. */
function kindOf(subject: ObjectRef, text: string): ChangeKind {
  if (/rollout undo/.test(text)) return 'rollback';
  if (/\b(cordon|drain|uncordon)\b/.test(text) || subject.kind === 'Node') return 'node';
  if (subject.kind === 'ConfigMap') return 'config';
  if (subject.kind === 'Secret') return 'secret';
  if (/\bkubectl delete\b/.test(text)) return 'delete';
  if (/\bscale\b|"replicas"|replicas:/.test(text)) return 'scaling';
  if (/set image|"image"|image:/.test(text)) return 'image';
  if (/"resources"|resources:|set resources/.test(text)) return 'resources';
  if (/rollout restart|"template"|env|resources/.test(text)) return 'rollout';
  return 'other';
}

/**
 * The changes our own audit log recorded: every `operation.applied` (and a recovered one that reached the cluster),
 * as the object it targeted, when, by whom, through which operation, and what it did (from the request and the
 * kubectl commands rendered for it).
 */
export function auditChanges(entries: AuditTrailEntry[]): Change[] {
  const out: Change[] = [];
  for (const entry of entries) {
    if (entry.action !== 'operation.applied' && entry.action !== 'operation.recovered') continue;
    if (entry.status === 'ERROR') continue;
    const subject = refOfTarget(entry.target);
    if (!subject) continue;
    const text = `${entry.input_prompt}\n${entry.output_generated}`;
    const operationId = typeof entry.details.operation_id === 'string' ? entry.details.operation_id : undefined;
    out.push({
      kind: kindOf(subject, text),
      subject,
      at: entry.timestamp,
      summary: `${entry.user_id} ran "${entry.input_prompt.slice(0, 200)}"`,
      source: 'audit',
      audit: {
        id: entry.interaction_id,
        sequence: entry.sequence,
        user: entry.user_id,
        action: entry.action,
        ...(operationId ? { operation_id: operationId } : {}),
      },
    });
  }
  return out;
}
