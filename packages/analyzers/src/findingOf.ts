import type { Evidence, Finding, FindingSeverity, KubeObject, ObjectRef, ProposedFix } from '@opspilot/core';
import { refOf } from '@opspilot/core';
import type { Condition } from './kubeTypes.js';
import { eventFields } from './snapshotIndex.js';

/** What an analyzer says about one problem; {@link findingOf} turns it into a {@link Finding}. */
export interface FindingInput {
  analyzer: string;
  severity: FindingSeverity;
  /** The object the problem is about. */
  object: KubeObject | ObjectRef;
  /** Distinguishes several findings of one analyzer on one object (e.g. the container name). */
  key?: string;
  message: string;
  evidence?: Evidence[];
  /** Extra values to mask besides the object's own name and namespace. */
  sensitive?: (string | undefined)[];
  proposedFix?: ProposedFix;
  docsUrl?: string;
}

function isObject(value: KubeObject | ObjectRef): value is KubeObject {
  return 'metadata' in value;
}

/**
 * Builds a finding with a stable id (`analyzer:namespace/name[:key]`) and the object's name and namespace among
 * the values to mask.
 */
export function findingOf(input: FindingInput): Finding {
  const resource = isObject(input.object) ? refOf(input.object) : input.object;
  const where = resource.namespace ? `${resource.namespace}/${resource.name}` : resource.name;
  const sensitive = new Set<string>();
  for (const value of [resource.name, resource.namespace, ...(input.sensitive ?? [])]) {
    if (value) sensitive.add(value);
  }
  const finding: Finding = {
    id: `${input.analyzer}:${resource.kind.toLowerCase()}/${where}${input.key ? `:${input.key}` : ''}`,
    analyzer: input.analyzer,
    severity: input.severity,
    resource,
    message: input.message,
    evidence: input.evidence ?? [],
    sensitive: [...sensitive],
  };
  if (input.proposedFix) finding.proposedFix = input.proposedFix;
  if (input.docsUrl) finding.docsUrl = input.docsUrl;
  return finding;
}

/** Evidence quoting an Event: `Warning FailedScheduling: 0/3 nodes are available… (x4)`. */
export function eventEvidence(event: KubeObject): Evidence {
  const e = eventFields(event);
  const count = e.series?.count ?? e.count;
  return {
    kind: 'event',
    source: `event/${event.metadata.namespace ?? ''}/${event.metadata.name}`,
    detail: `${e.type ?? 'Normal'} ${e.reason ?? ''}: ${e.message ?? e.note ?? ''}${count && count > 1 ? ` (x${count})` : ''}`,
  };
}

/** Evidence quoting a status condition: `Ready=False ContainersNotReady: containers with unready status: [app]`. */
export function conditionEvidence(obj: KubeObject, condition: Condition): Evidence {
  const reason = condition.reason ? ` ${condition.reason}` : '';
  const message = condition.message ? `: ${condition.message}` : '';
  return {
    kind: 'condition',
    source: `${obj.kind.toLowerCase()}/${obj.metadata.namespace ? `${obj.metadata.namespace}/` : ''}${obj.metadata.name} status.conditions[${condition.type}]`,
    detail: `${condition.type}=${condition.status}${reason}${message}`,
  };
}

/** Evidence quoting a field: its path and its value as JSON. */
export function fieldEvidence(obj: KubeObject | ObjectRef, path: string, value: unknown): Evidence {
  const ref = isObject(obj) ? refOf(obj) : obj;
  return {
    kind: 'field',
    source: `${ref.kind.toLowerCase()}/${ref.namespace ? `${ref.namespace}/` : ''}${ref.name} ${path}`,
    detail: typeof value === 'string' ? value : JSON.stringify(value),
  };
}
