import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTRPC } from '../../api/trpc.js';
import { Button } from '../../components/Button.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { PageHeading } from '../../components/PageHeading.js';
import { Panel } from '../../components/Panel.js';
import { useRefreshOn } from '../../events/useRefreshOn.js';
import { TraceTable } from './TraceTable.js';
import { TraceWaterfall } from './TraceWaterfall.js';

const SINCE = ['15m', '1h', '6h', '24h'] as const;
const fieldClass = 'rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900';

interface Search {
  service_name?: string;
  operation_name?: string;
  min_duration_ms?: number;
  max_duration_ms?: number;
  tag: string[];
  since: (typeof SINCE)[number];
  limit: number;
}

const optional = (text: string) => (text.trim() ? text.trim() : undefined);
const millis = (text: string) => (text.trim() === '' ? undefined : Number(text));

/**
 * Traces: a search form (service with `*` wildcards, operation, duration bounds, `name=value` tags, window, limit),
 * the matching traces newest first (refreshed as traces arrive), and the opened trace (`?trace=<id>`) as a waterfall
 * of its spans.
 */
export function TracesPage() {
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const [service, setService] = useState('');
  const [operation, setOperation] = useState('');
  const [minMs, setMinMs] = useState('');
  const [maxMs, setMaxMs] = useState('');
  const [tags, setTags] = useState('');
  const [since, setSince] = useState<(typeof SINCE)[number]>('1h');
  const [search, setSearch] = useState<Search>({ tag: [], since: '1h', limit: 20 });
  const opened = params.get('trace') ?? undefined;
  const result = useQuery(trpc.traces.search.queryOptions({ ...search, cluster_ids: [] }));
  const trace = useQuery({ ...trpc.traces.get.queryOptions({ trace_id: opened ?? '' }), enabled: !!opened });
  // New traces show up as they arrive (TRACE_RECEIVED), at most every 2 s while exports stream in.
  useRefreshOn('TRACE_RECEIVED', () => void result.refetch({ cancelRefetch: false }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSearch({
      service_name: optional(service),
      operation_name: optional(operation),
      min_duration_ms: millis(minMs),
      max_duration_ms: millis(maxMs),
      tag: tags
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
      since,
      limit: 50,
    });
  };
  const field = (label: string, value: string, set: (v: string) => void, extra: Record<string, unknown> = {}) => (
    <label className="flex flex-col gap-1 font-medium">
      {label}
      <input className={fieldClass} value={value} onChange={(e) => set(e.target.value)} {...extra} />
    </label>
  );
  return (
    <>
      <PageHeading title="Traces">
        Distributed traces received over OTLP (or read from Tempo): find slow and failing requests, open one as a
        waterfall.
      </PageHeading>
      <div className="space-y-6">
        <Panel title="Search">
          <form onSubmit={submit} className="flex flex-wrap items-end gap-3 text-sm">
            {field('Service', service, setService, { placeholder: 'frontend or order-*' })}
            {field('Operation', operation, setOperation, { placeholder: 'GET /api/todos' })}
            {field('Min duration (ms)', minMs, setMinMs, { type: 'number', min: 0, className: `${fieldClass} w-28` })}
            {field('Max duration (ms)', maxMs, setMaxMs, { type: 'number', min: 0, className: `${fieldClass} w-28` })}
            {field('Tags', tags, setTags, { placeholder: 'error=true, http.response.status_code=500' })}
            <label className="flex flex-col gap-1 font-medium">
              Since
              <select className={fieldClass} value={since} onChange={(e) => setSince(e.target.value as typeof since)}>
                {SINCE.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </select>
            </label>
            <Button type="submit">Search</Button>
          </form>
        </Panel>
        <Panel title="Results">
          <ErrorNotice error={result.error} />
          {result.data ? (
            <>
              <p className="mb-2 text-xs text-slate-600 dark:text-slate-300" data-testid="trace-source">
                {result.data.traces.length} traces from {result.data.source === 'tempo' ? 'Tempo' : 'opspilot'}
              </p>
              {result.data.notes.map((n) => (
                <p key={n} className="mb-1 text-xs text-amber-700">
                  {n}
                </p>
              ))}
              <TraceTable traces={result.data.traces} onOpen={(id) => setParams({ trace: id })} />
            </>
          ) : (
            <p>Loading…</p>
          )}
        </Panel>
        {opened ? (
          <Panel title={`Trace ${opened}`}>
            <ErrorNotice error={trace.error} />
            {trace.data ? (
              <>
                <p className="mb-2 text-sm" data-testid="trace-summary">
                  {trace.data.root_service}: {trace.data.root_operation} · {trace.data.duration_ms} ms ·{' '}
                  {trace.data.span_count} spans in {trace.data.service_count} services
                  {trace.data.has_errors ? ' · with errors' : ''}
                </p>
                <TraceWaterfall trace={trace.data} />
              </>
            ) : trace.isLoading ? (
              <p>Loading…</p>
            ) : null}
          </Panel>
        ) : null}
      </div>
    </>
  );
}
