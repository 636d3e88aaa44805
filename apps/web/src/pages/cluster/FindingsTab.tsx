import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../api/trpc.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { FindingItem } from './FindingItem.js';
import type { TabProps } from './ResourceTable.js';

/**
 * The cluster page's Findings tab: what the analyzers find on the live model now, filtered like the tables; each
 * problem's root finding says when its cause was first and last seen and in how many runs.
 */
export function FindingsTab({ clusterId, filter, onOpen }: TabProps) {
  const trpc = useTRPC();
  const findings = useQuery(trpc.fleet.findings.queryOptions({ cluster: clusterId }));
  const sightings = new Map(findings.data?.sightings.map((s) => [s.finding_id, s]));
  const text = filter.text.trim().toLowerCase();
  const shown = (findings.data?.items ?? []).filter(
    (f) =>
      (!filter.namespace || f.resource.namespace === filter.namespace) &&
      (!text || `${f.message} ${f.resource.kind} ${f.resource.name}`.toLowerCase().includes(text)),
  );
  return (
    <section aria-label="Findings">
      <ErrorNotice error={findings.error} />
      {findings.isPending ? <p className="text-sm">Loading findings…</p> : null}
      {findings.data && shown.length === 0 ? <p className="text-sm">No problems found.</p> : null}
      <ul className="space-y-2">
        {shown.map((finding) => (
          <FindingItem
            key={finding.id}
            clusterId={clusterId}
            finding={finding}
            onOpen={onOpen}
            sighting={sightings.get(finding.id)}
          />
        ))}
      </ul>
    </section>
  );
}
