import { Link } from 'react-router';
import type { ApiOutputs } from '../../api/trpc.js';
import { Badge } from '../../components/Badge.js';
import { type Seen, SeenLine } from '../../components/SeenLine.js';
import { toneOf } from '../../components/toneOf.js';
import { FixPanel } from '../healing/FixPanel.js';
import { askPath, type BrowserRef, findingRequest } from './askLinks.js';

/** A finding of the live analyzers as the browser returns it. */
export type LiveFinding = ApiOutputs['fleet']['findings']['items'][number];

/** When a live problem's cause was first and last seen, and in how many runs (`sightings`, `top_sightings`). */
export type LiveSighting = ApiOutputs['fleet']['findings']['sightings'][number];

/**
 * One finding: severity, message, the object (opens its drawer when `onOpen` is given), the proposed fix, "Ask" —
 * one click to the Ask page prefilled with the fix for this cluster — and "Fix": the remediation catalogue's ranked
 * candidates, then the chosen one as a plan for review. A problem's root finding says, with `sighting`, when its cause
 * was first and last seen and in how many runs.
 */
export function FindingItem({
  clusterId,
  finding,
  onOpen,
  sighting,
}: {
  clusterId: string;
  finding: LiveFinding;
  onOpen?: (ref: BrowserRef) => void;
  sighting?: Seen;
}) {
  const { resource } = finding;
  const name = `${resource.kind.toLowerCase()}/${resource.namespace ? `${resource.namespace}/` : ''}${resource.name}`;
  return (
    <li
      className="rounded-md border border-slate-200 p-2 text-sm dark:border-slate-700"
      aria-label={finding.message}
      data-finding-id={finding.id}
    >
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={toneOf(finding.severity)}>{finding.severity}</Badge>
        {onOpen ? (
          <button
            type="button"
            className="font-mono text-xs underline-offset-2 hover:underline"
            onClick={() => onOpen(resource)}
          >
            {name}
          </button>
        ) : (
          <span className="font-mono text-xs">{name}</span>
        )}
        <Link
          to={askPath(clusterId, findingRequest(finding))}
          className="ml-auto rounded-md border border-slate-300 px-2 py-0.5 text-xs font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
        >
          Ask to fix
        </Link>
      </div>
      <p className="mt-1 break-words">{finding.message}</p>
      {sighting ? <SeenLine seen={sighting} /> : null}
      {finding.proposedFix ? (
        <p className="mt-1 text-slate-600 dark:text-slate-300">Fix: {finding.proposedFix.description}</p>
      ) : null}
      <FixPanel clusterId={clusterId} findingId={finding.id} namespace={resource.namespace} />
    </li>
  );
}
