import type { Incident, IncidentAction, RunbookExecution } from '@opspilot/core';
import { PHASE_OF } from '../lifecycle/incidentPhase.js';
import type { Cause } from '../rca/cause.js';

/** What a post-mortem is written from. */
export interface PostMortemInput {
  incident: Incident;
  /** The timeline, oldest first. */
  timeline: IncidentAction[];
  /** The ranked causes of the latest analysis, best first. */
  causes: Cause[];
  /** The runbook runs for the incident, with their runbook's name. */
  executions: (RunbookExecution & { runbook_name: string })[];
}

const FOLLOW_UP: Record<string, string> = {
  'bad-rollout': 'Gate rollouts on the error rate (a canary or progressive delivery) so a bad version stops by itself.',
  'config-change': 'Validate ConfigMap changes before they reach running pods, and roll them out like code.',
  'secret-change': 'Rotate Secrets through a reviewed change with a check that the consumers still start.',
  'scaling-change': 'Put a floor on replicas (HPA minReplicas or a policy) for this workload.',
  oom: 'Right-size memory from the observed peak and alert before the limit is reached.',
  'node-failure': 'Spread replicas across nodes (topology spread, PodDisruptionBudgets) and check node health alerts.',
  saturation: 'Autoscale the workload (HPA) on the saturated resource.',
  'noisy-neighbour': 'Give noisy workloads limits or their own node pool; set requests for the affected workload.',
};

const minutes = (from: string, to: string | undefined) =>
  to ? Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 60_000)) : undefined;
const time = (iso: string) => iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC');
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * Writes the post-mortem of an incident as Markdown, from its record, its timeline, the ranked causes and the
 * runbook runs: summary, impact, timeline, root cause (with its evidence), resolution, what went well, what went
 * badly and follow-up items. Deterministic: the same incident gives the same text; people edit it afterwards.
 */
export function generatePostMortem({ incident, timeline, causes, executions }: PostMortemInput): string {
  const top = causes[0];
  const signals = timeline.filter((a) => a.action_type === 'signal');
  const ackAt = incident.acknowledged_at;
  const resolvedAt = incident.resolved_at;
  const ttAck = minutes(incident.detected_at, ackAt);
  const ttResolve = minutes(incident.detected_at, resolvedAt);
  const reopened = timeline.filter((a) => a.action_type === 'status' && String(a.result.to) === 'DETECTED').length;
  const lines: string[] = [];
  lines.push(`# Post-mortem: ${incident.title}`, '');
  lines.push('## Summary', '');
  lines.push(
    `${incident.severity} incident, detected ${time(incident.detected_at)}` +
      (resolvedAt ? `, resolved ${time(resolvedAt)} (${ttResolve} min)` : ', not resolved yet') +
      `. Status: ${PHASE_OF[incident.status]}.` +
      (top ? ` Most likely cause: ${top.summary} (confidence ${Math.round(top.confidence * 100)}%).` : ''),
    '',
  );
  lines.push('## Impact', '');
  const affected = incident.affected_resources.map(
    (r) => `\`${r.kind}/${r.namespace ? `${r.namespace}/` : ''}${r.name}\``,
  );
  lines.push(`- Affected objects: ${affected.length ? affected.slice(0, 20).join(', ') : 'none recorded'}`);
  lines.push(
    `- Signals: ${signals.length} (${[...new Set(signals.map((s) => String((s.result.signal as { source?: string })?.source ?? 'signal').toLowerCase()))].join(', ') || 'none'})`,
  );
  if (ttResolve !== undefined) lines.push(`- Duration: ${ttResolve} min`);
  lines.push('');
  lines.push('## Timeline', '', '| time | who | what |', '| --- | --- | --- |');
  for (const a of timeline.slice(0, 200))
    lines.push(
      `| ${time(a.performed_at)} | ${cell(a.actor)} | ${cell(`${a.action_type}: ${a.description}`.slice(0, 300))} |`,
    );
  if (timeline.length > 200) lines.push(`| … | | ${timeline.length - 200} more entries |`);
  lines.push('', '## Root cause', '');
  if (top) {
    lines.push(`${top.summary} (${top.kind}, confidence ${Math.round(top.confidence * 100)}%). Evidence:`, '');
    for (const e of top.evidence.slice(0, 10)) lines.push(`- **${e.kind}** ${cell(e.source)}: ${cell(e.detail)}`);
    const others = causes.slice(1, 4);
    if (others.length) {
      lines.push('', 'Other candidates:', '');
      for (const c of others) lines.push(`- ${c.summary} (${Math.round(c.confidence * 100)}%)`);
    }
  } else lines.push(incident.root_cause ?? 'Not determined: the analysis found no candidate cause (or none was run).');
  lines.push('', '## Resolution', '');
  if (executions.length === 0) lines.push('No runbook was run.');
  for (const e of executions) {
    lines.push(`- Runbook **${e.runbook_name}** (${e.status}, started by ${e.triggered_by}):`);
    for (const r of e.step_results)
      lines.push(`  - ${r.step_id}: ${r.status}${r.error ? ` (${cell(r.error.slice(0, 200))})` : ''}`);
  }
  const resolution = timeline.filter((a) => a.action_type === 'status' && a.result.to === 'RESOLVED').at(-1);
  if (resolution)
    lines.push('', `Resolved by ${resolution.actor}${resolution.result.note ? `: ${resolution.result.note}` : ''}.`);
  lines.push('', '## What went well', '');
  const well: string[] = ['Detected automatically from its signals.'];
  if (ttAck !== undefined && ttAck <= 15) well.push(`Acknowledged within ${ttAck} min.`);
  if (top && top.confidence >= 0.7) well.push('The root-cause analysis named the cause with strong evidence.');
  if (executions.some((e) => e.status === 'SUCCEEDED'))
    well.push('The runbook fixed it through reviewed, audited changes.');
  for (const w of well) lines.push(`- ${w}`);
  lines.push('', '## What went badly', '');
  const badly: string[] = [];
  if (ttAck === undefined) badly.push('Nobody acknowledged the incident.');
  else if (ttAck > 15) badly.push(`Acknowledged only after ${ttAck} min.`);
  if (reopened) badly.push(`The problem came back ${reopened} time(s) after it looked resolved.`);
  for (const e of executions.filter((x) => x.status === 'FAILED' || x.status === 'CANCELLED'))
    badly.push(`Runbook ${e.runbook_name} ${e.status.toLowerCase()}.`);
  if (!top || top.confidence < 0.5) badly.push('The cause could not be pinned down from the evidence.');
  for (const b of badly.length ? badly : ['Nothing recorded.']) lines.push(`- ${b}`);
  lines.push('', '## Follow-up items', '');
  const follow: string[] = [];
  if (top && FOLLOW_UP[top.kind]) follow.push(FOLLOW_UP[top.kind] as string);
  for (const e of executions.filter((x) => x.status !== 'SUCCEEDED'))
    follow.push(`Review runbook ${e.runbook_name}: it did not finish.`);
  if (ttAck === undefined || ttAck > 15) follow.push('Check the on-call notifications for this kind of incident.');
  for (const [i, f] of (follow.length ? follow : ['None.']).entries()) lines.push(`${i + 1}. ${f}`);
  lines.push('');
  return lines.join('\n');
}
