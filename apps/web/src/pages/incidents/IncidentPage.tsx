import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useTRPC } from '../../api/trpc.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { PageHeading } from '../../components/PageHeading.js';
import { Panel } from '../../components/Panel.js';
import { toneOf } from '../../components/toneOf.js';
import { CausesList } from './CausesList.js';
import { IncidentCharts } from './IncidentCharts.js';
import { IncidentTimeline } from './IncidentTimeline.js';
import { PHASE } from './phaseOf.js';
import { RecurringBadge } from './RecurringBadge.js';
import { RunbookPanel } from './RunbookPanel.js';

/**
 * One incident: its state with the lifecycle buttons, its cause (first and last seen, "recurring ×N" when it came
 * back after being resolved), its signals and their charts (anomalies marked), the ranked
 * causes with their evidence (Analyze ranks them again), the runbook runs with approve buttons, the timeline and the
 * post-mortem (generated, shown as HTML). It refreshes itself on the incident's live events.
 */
export function IncidentPage() {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Refreshed by the live events (INCIDENT_* and the audit of what is done to it), not by polling.
  const detail = useQuery(trpc.incidents.get.queryOptions({ id }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.incidents.get.queryKey({ id }) });
  const options = { onSuccess: refresh };
  const ack = useMutation(trpc.incidents.acknowledge.mutationOptions(options));
  const resolve = useMutation(trpc.incidents.resolve.mutationOptions(options));
  const analyze = useMutation(trpc.incidents.analyze.mutationOptions(options));
  const comment = useMutation(trpc.incidents.comment.mutationOptions(options));
  const postMortem = useMutation(trpc.incidents.generatePostMortem.mutationOptions(options));
  const [text, setText] = useState('');
  const d = detail.data;
  const error = detail.error ?? ack.error ?? resolve.error ?? analyze.error ?? comment.error ?? postMortem.error;
  if (!d) return <ErrorNotice error={detail.error} />;
  const i = d.incident;
  const active = i.status !== 'RESOLVED' && i.status !== 'CLOSED';
  return (
    <>
      <PageHeading title={i.title}>
        <Badge tone={toneOf(i.severity)}>{i.severity}</Badge>{' '}
        <span data-testid="incident-phase">{PHASE[i.status]}</span>
        {i.acknowledged_by ? ` · owner ${i.acknowledged_by}` : ''} · detected{' '}
        {i.detected_at.replace('T', ' ').slice(0, 19)} <RecurringBadge incident={i} />
      </PageHeading>
      <ErrorNotice error={error} />
      <div className="space-y-6">
        <Panel
          title="Incident"
          actions={
            <div className="flex gap-2">
              {i.status === 'DETECTED' ? <Button onClick={() => ack.mutate({ id })}>Acknowledge</Button> : null}
              {active ? (
                <Button variant="secondary" onClick={() => resolve.mutate({ id })}>
                  Resolve
                </Button>
              ) : null}
            </div>
          }
        >
          <p className="text-sm">
            Affected:{' '}
            {i.affected_resources.map((r) => `${r.kind}/${r.namespace ? `${r.namespace}/` : ''}${r.name}`).join(', ') ||
              '-'}
          </p>
          <p className="text-sm">
            Signals: {d.signals.length} ({d.signals.filter((s) => s.state === 'FIRING').length} firing)
          </p>
          {i.cause_identity ? (
            <p className="text-sm" data-testid="incident-cause">
              Cause: <code>{i.cause_identity}</code> · first seen {i.first_seen?.replace('T', ' ').slice(0, 19) ?? '-'}{' '}
              · last seen {i.last_seen?.replace('T', ' ').slice(0, 19) ?? '-'} · {i.sightings ?? 1} analysis run(s)
              {i.recurring ? ` · seen in ${i.occurrences ?? 2} incidents` : ''}
            </p>
          ) : null}
          {i.root_cause ? <p className="text-sm">Root cause: {i.root_cause}</p> : null}
        </Panel>
        <Panel title="Signal charts">
          <IncidentCharts id={id} />
        </Panel>
        <Panel
          title="Causes"
          actions={
            <Button variant="secondary" onClick={() => analyze.mutate({ id })} disabled={analyze.isPending}>
              Analyze
            </Button>
          }
        >
          {d.analysis ? <CausesList causes={d.analysis.causes} /> : <p className="text-sm">Not analyzed yet.</p>}
        </Panel>
        <Panel title="Runbook">
          <RunbookPanel detail={d} />
        </Panel>
        <Panel title="Timeline">
          <IncidentTimeline entries={d.timeline} />
          <form
            className="mt-3 flex gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              if (text.trim()) comment.mutate({ id, text }, { onSuccess: () => setText('') });
            }}
          >
            <input
              aria-label="Comment"
              className="flex-1 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            <Button type="submit" variant="secondary">
              Comment
            </Button>
          </form>
        </Panel>
        <Panel
          title="Post-mortem"
          actions={
            <Button variant="secondary" onClick={() => postMortem.mutate({ id })} disabled={postMortem.isPending}>
              Generate post-mortem
            </Button>
          }
        >
          {d.post_mortem.html ? (
            <article
              data-testid="post-mortem"
              className="prose max-w-none text-sm dark:prose-invert"
              // biome-ignore lint/security/noDangerouslySetInnerHtml: the server escapes every character of the Markdown before adding its own tags (renderMarkdown)
              dangerouslySetInnerHTML={{ __html: d.post_mortem.html }}
            />
          ) : (
            <p className="text-sm">No post-mortem yet.</p>
          )}
        </Panel>
      </div>
    </>
  );
}
