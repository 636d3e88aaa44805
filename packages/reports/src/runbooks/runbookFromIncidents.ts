import { type Incident, type IncidentAction, InputError } from '@opspilot/core';

/** A resolved incident with its timeline, as the incident commander stores them. */
export interface ResolvedIncident {
  incident: Incident;
  timeline: IncidentAction[];
}

const WHAT_HAPPENED = new Set([
  'acknowledge',
  'note',
  'comment',
  'escalate',
  'reopen',
  'create',
  'detect',
  'correlate',
]);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const minutes = (a: string, b: string) => Math.max(0, Math.round((Date.parse(b) - Date.parse(a)) / 60_000));

function resourcesOf(incidents: ResolvedIncident[]): string[] {
  const refs = incidents.flatMap((r) =>
    r.incident.affected_resources.map((x) => `${x.kind}/${x.namespace ? `${x.namespace}/` : ''}${x.name}`),
  );
  return [...new Set(refs)].sort();
}

/**
 * A Markdown runbook written from one or more resolved incidents of the same kind: symptoms (their titles and
 * descriptions), the affected resources, the root causes found, and the steps that worked — the timeline's
 * successful actions in the order responders took them, each with how often it was used — plus how long
 * resolution took. An incident that is not resolved yet is an InputError: its steps are not known to work.
 */
export function runbookFromIncidents(incidents: ResolvedIncident[], title?: string): string {
  if (incidents.length === 0) {
    throw new InputError('no incidents to write a runbook from', {
      hint: 'pass the id of at least one resolved incident',
    });
  }
  const open = incidents.filter((r) => !r.incident.resolved_at);
  if (open.length > 0) {
    throw new InputError(`incident ${open[0]?.incident.id} is not resolved`, {
      hint: 'runbooks are written from resolved incidents; resolve it first',
    });
  }
  const first = incidents[0]?.incident as Incident;
  const steps = new Map<string, { text: string; count: number; order: number }>();
  for (const { timeline } of incidents) {
    const sorted = [...timeline].sort((a, b) => a.performed_at.localeCompare(b.performed_at));
    sorted.forEach((a, i) => {
      if (WHAT_HAPPENED.has(a.action_type) || a.action_type === 'resolve' || a.status === 'FAILED') return;
      const text = a.description ? `${a.action_type}: ${a.description}` : a.action_type;
      const seen = steps.get(text);
      steps.set(text, { text, count: (seen?.count ?? 0) + 1, order: Math.min(seen?.order ?? i, i) });
    });
  }
  const durations = incidents.map((r) => minutes(r.incident.detected_at, r.incident.resolved_at as string));
  const causes = [...new Set(incidents.map((r) => r.incident.root_cause).filter((c): c is string => !!c))];
  const lines = [
    `# Runbook: ${title ?? first.title}`,
    '',
    `Written from ${incidents.length} resolved incident${incidents.length === 1 ? '' : 's'} (${incidents.map((r) => r.incident.id).join(', ')}).`,
    '',
    '## Symptoms',
    ...[...new Set(incidents.map((r) => r.incident.title))].map((t) => `- ${t}`),
    ...incidents
      .map((r) => r.incident.description)
      .filter(Boolean)
      .slice(0, 3)
      .map((d) => `  > ${d.replace(/\n/g, ' ')}`),
    '',
    `Severity seen: ${[...new Set(incidents.map((r) => r.incident.severity))].join(', ')}.`,
    '',
    '## Affected resources',
    ...(resourcesOf(incidents).map((r) => `- \`${r}\``) || []),
    ...(resourcesOf(incidents).length === 0 ? ['- none recorded'] : []),
    '',
    '## Root cause',
    ...(causes.length
      ? causes.map((c) => `- ${c}`)
      : ['- not recorded; diagnose with `opspilot incidents analyze <id>`']),
    '',
    '## Steps',
  ];
  const ordered = [...steps.values()].sort((a, b) => a.order - b.order || b.count - a.count);
  if (ordered.length === 0) lines.push('1. No successful action was recorded on the timeline; add the steps by hand.');
  for (const [i, s] of ordered.entries()) {
    lines.push(`${i + 1}. ${s.text}${incidents.length > 1 ? ` (used in ${s.count} of ${incidents.length})` : ''}`);
  }
  lines.push(
    '',
    '## Verify',
    '- The alerts that opened the incident have stopped firing and the affected workloads report all replicas ready.',
    '',
    '## Time to resolve',
    `- ${durations.length === 1 ? `${durations[0]} min` : `median ${median(durations)} min over ${durations.length} incidents`}`,
    '',
  );
  return lines.join('\n');
}
