import type { AuditLog, AuditTrailEntry, ClusterGateway, KubeObject, PlanStep } from '@opspilot/core';

type ChangesStep = Extract<PlanStep, { op: 'changes' }>;
type Json = Record<string, unknown>;

/** At most this many rows of each source: the newest. */
const MAX_ROWS = 50;
/** Audit pages read at most (100 entries each), newest first, until the window is passed. */
const MAX_AUDIT_PAGES = 5;

/** One change, as a row of the answer. */
export interface ChangeRow {
  time: string;
  source: 'audit' | 'rollout' | 'event';
  object: string;
  what: string;
}

async function auditRows(audit: AuditLog, since: number, clusterId: string | undefined, namespace?: string) {
  const rows: ChangeRow[] = [];
  for (let page = 1; page <= MAX_AUDIT_PAGES; page++) {
    const { items, total_pages } = await audit.list(clusterId ? { cluster_id: clusterId } : {}, {
      page,
      page_size: 100,
    });
    const inWindow = items.filter((e) => Date.parse(e.timestamp) >= since);
    for (const e of inWindow) {
      if (namespace && e.target && !e.target.includes(`${namespace}/`) && !e.target.includes(`/${namespace}`)) continue;
      rows.push(auditRow(e));
    }
    if (inWindow.length < items.length || page >= total_pages) break;
  }
  return rows;
}

function auditRow(e: AuditTrailEntry): ChangeRow {
  const prompt = e.input_prompt ? ` "${e.input_prompt.slice(0, 60)}"` : '';
  return {
    time: e.timestamp,
    source: 'audit',
    object: e.target ?? '-',
    what: `${e.action} by ${e.user_id} (${e.status})${prompt}`,
  };
}

function rolloutRows(replicaSets: KubeObject[], since: number): ChangeRow[] {
  return replicaSets
    .filter((rs) => Date.parse(rs.metadata.creationTimestamp ?? '') >= since)
    .map((rs) => {
      const owner = (rs.metadata.ownerReferences as { kind?: string; name?: string }[] | undefined)?.[0];
      const containers = (((rs.spec as Json | undefined)?.template as Json | undefined)?.spec as Json | undefined)
        ?.containers as { image?: string }[] | undefined;
      const revision = rs.metadata.annotations?.['deployment.kubernetes.io/revision'];
      return {
        time: rs.metadata.creationTimestamp ?? '',
        source: 'rollout' as const,
        object: `${owner?.kind ?? 'ReplicaSet'}/${rs.metadata.namespace ? `${rs.metadata.namespace}/` : ''}${owner?.name ?? rs.metadata.name}`,
        what: `new ReplicaSet ${rs.metadata.name}${revision ? ` (revision ${revision})` : ''}${containers?.length ? `: ${containers.map((c) => c.image).join(', ')}` : ''}`,
      };
    });
}

function eventRows(events: KubeObject[], since: number): ChangeRow[] {
  return events.flatMap((raw) => {
    const e = raw as unknown as Json;
    const time = String(e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? raw.metadata.creationTimestamp ?? '');
    if (!(Date.parse(time) >= since)) return [];
    const about = (e.involvedObject ?? e.regarding ?? {}) as { kind?: string; name?: string; namespace?: string };
    return [
      {
        time,
        source: 'event' as const,
        object: `${about.kind ?? '?'}/${about.namespace ? `${about.namespace}/` : ''}${about.name ?? '?'}`,
        what: `${String(e.type ?? 'Normal')} ${String(e.reason ?? '')}: ${String(e.message ?? e.note ?? '')}`.trim(),
      },
    ];
  });
}

function table(rows: ChangeRow[]): string {
  const head: [string, string, string, string] = ['TIME', 'SOURCE', 'OBJECT', 'CHANGE'];
  const cells = [head, ...rows.map((r) => [r.time, r.source, r.object, r.what] as [string, string, string, string])];
  const widths = [0, 1, 2].map((i) => Math.max(...cells.map((c) => c[i]!.length)));
  return cells
    .map(
      (c) =>
        `${c
          .slice(0, 3)
          .map((v, i) => v.padEnd(widths[i]!))
          .join('  ')}  ${c[3]}`,
    )
    .join('\n');
}

/**
 * Answers a `changes` step ("what changed in the last hour"): the audit log's entries of the window (who asked for
 * what, what was applied or refused — through the `AuditLog` port, for this cluster when known), the rollouts (new
 * ReplicaSets) and the events of the window, each source's newest {@link MAX_ROWS}, merged newest first, as a
 * kubectl-style table. Without an audit log (a bare gateway) the cluster's own record is shown and that is said.
 */
export async function recentChanges(
  deps: { gateway: ClusterGateway; audit?: AuditLog; clusterId?: string; clock: { now(): Date } },
  step: ChangesStep,
): Promise<string> {
  const since = deps.clock.now().getTime() - step.sinceSeconds * 1000;
  const namespace = step.namespace;
  const [audit, replicaSets, events] = await Promise.all([
    deps.audit ? auditRows(deps.audit, since, deps.clusterId, namespace) : Promise.resolve(undefined),
    deps.gateway.list('ReplicaSet', namespace ? { namespace } : {}),
    deps.gateway.events(namespace ? { namespace } : {}),
  ]);
  const newest = (rows: ChangeRow[]) => rows.sort((a, b) => b.time.localeCompare(a.time)).slice(0, MAX_ROWS);
  const rows = newest([
    ...newest(audit ?? []),
    ...newest(rolloutRows(replicaSets, since)),
    ...newest(eventRows(events, since)),
  ]);
  const where = namespace ? ` in namespace ${namespace}` : ' in every namespace';
  const window =
    step.sinceSeconds % 3600 === 0 ? `${step.sinceSeconds / 3600} h` : `${Math.round(step.sinceSeconds / 60)} min`;
  const note = audit ? '' : '\n(no audit log here: requests made through opspilot are not listed)';
  if (rows.length === 0) return `No changes in the last ${window}${where}.${note}`;
  const counts = ['audit', 'rollout', 'event'].map((s) => `${rows.filter((r) => r.source === s).length} ${s}`);
  return `Changes in the last ${window}${where} (${counts.join(', ')}), newest first:\n${table(rows)}${note}`;
}
