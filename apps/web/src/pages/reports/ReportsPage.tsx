import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../api/trpc.js';
import { Badge } from '../../components/Badge.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { PageHeading } from '../../components/PageHeading.js';
import { Panel } from '../../components/Panel.js';
import { ScheduleForm } from './ScheduleForm.js';
import { ScheduleTable } from './ScheduleTable.js';

const TYPES = [
  ['EXECUTIVE_SUMMARY', 'Executive summary'],
  ['DETAILED_ANALYSIS', 'Detailed cluster analysis'],
  ['INCIDENT_REPORT', 'Incident report'],
  ['CAPACITY_PLAN', 'Capacity plan'],
] as const;
const FORMATS = ['HTML', 'PDF', 'MARKDOWN', 'JSON'] as const;
type ReportType = (typeof TYPES)[number][0];
type Format = (typeof FORMATS)[number];

const select = 'rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800';

/**
 * Reports (seed 003 §7): generate a report now, read the stored history (HTML shown inline; every format
 * downloadable), see which sections were missing because their data source was down, and the cron schedules.
 */
export function ReportsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [type, setType] = useState<ReportType>('EXECUTIVE_SUMMARY');
  const [format, setFormat] = useState<Format>('HTML');
  const [days, setDays] = useState(7);
  const [shown, setShown] = useState<string | undefined>();
  const history = useQuery(trpc.reports.list.queryOptions({ limit: 50 }));
  const generate = useMutation(
    trpc.reports.generate.mutationOptions({
      onSuccess: async (report) => {
        setShown(report.id);
        await queryClient.invalidateQueries({ queryKey: trpc.reports.list.queryKey() });
      },
    }),
  );
  const report = useQuery({ ...trpc.reports.get.queryOptions({ id: shown ?? '' }), enabled: shown !== undefined });
  const download = report.data
    ? `data:${report.data.content_type};base64,${report.data.encoding === 'base64' ? report.data.content : btoa(unescape(encodeURIComponent(report.data.content)))}`
    : undefined;
  return (
    <>
      <PageHeading title="Reports">
        Executive summaries, detailed analyses, incident reports and capacity plans in HTML, PDF, Markdown or JSON. A
        section whose data source is down is named as missing, never filled with zeros.
      </PageHeading>
      <Panel title="Generate a report">
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            generate.mutate({ report_type: type, format, days });
          }}
        >
          <label className="flex flex-col text-sm">
            Report type
            <select className={select} value={type} onChange={(e) => setType(e.target.value as ReportType)}>
              {TYPES.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-sm">
            Format
            <select className={select} value={format} onChange={(e) => setFormat(e.target.value as Format)}>
              {FORMATS.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-sm">
            Days
            <input
              className={select}
              type="number"
              min={1}
              max={366}
              value={days}
              onChange={(e) => setDays(Number(e.target.value) || 7)}
            />
          </label>
          <button
            type="submit"
            className="rounded bg-blue-600 px-3 py-1.5 text-sm text-white disabled:opacity-50"
            disabled={generate.isPending}
          >
            {generate.isPending ? 'Generating…' : 'Generate'}
          </button>
        </form>
        <ErrorNotice error={generate.error} />
      </Panel>
      <div className="mt-6 space-y-6">
        {report.data ? (
          <Panel
            title={report.data.title}
            actions={
              <a
                className="text-sm text-blue-700 underline dark:text-blue-300"
                href={download}
                download={`${report.data.title}.${{ HTML: 'html', PDF: 'pdf', MARKDOWN: 'md', JSON: 'json' }[report.data.format]}`}
              >
                Download {report.data.format}
              </a>
            }
          >
            {report.data.missing_sections.length > 0 ? (
              <p
                role="status"
                data-testid="missing-sections"
                className="mb-2 text-sm text-amber-700 dark:text-amber-300"
              >
                Missing sections (data source down): {report.data.missing_sections.join(', ')}
              </p>
            ) : null}
            {report.data.format === 'HTML' ? (
              <iframe
                title="Report preview"
                className="h-[720px] w-full rounded border border-slate-200 bg-white"
                sandbox=""
                srcDoc={report.data.content}
              />
            ) : report.data.format === 'PDF' ? (
              <p className="text-sm">PDF, {report.data.size_bytes} bytes: use the download link.</p>
            ) : (
              <pre className="max-h-[720px] overflow-auto whitespace-pre-wrap rounded bg-slate-50 p-3 text-xs dark:bg-slate-900">
                {report.data.content}
              </pre>
            )}
          </Panel>
        ) : null}
        <Panel title="History">
          <ErrorNotice error={history.error} />
          <table aria-label="Report history" className="w-full text-left text-sm">
            <thead>
              <tr>
                <th>Created</th>
                <th>Title</th>
                <th>Type</th>
                <th>Format</th>
                <th>By</th>
                <th>Sections</th>
              </tr>
            </thead>
            <tbody>
              {(history.data ?? []).map((r) => (
                <tr key={r.id} className="border-t border-slate-200 dark:border-slate-700">
                  <td>{r.created_at.slice(0, 16).replace('T', ' ')}</td>
                  <td>
                    <button
                      type="button"
                      className="text-blue-700 underline dark:text-blue-300"
                      onClick={() => setShown(r.id)}
                    >
                      {r.title}
                    </button>
                  </td>
                  <td>{r.report_type}</td>
                  <td>{r.format}</td>
                  <td>{r.generated_by === 'system' ? 'schedule' : 'user'}</td>
                  <td>
                    {r.missing_sections.length ? (
                      <Badge tone="warn">missing: {r.missing_sections.join(', ')}</Badge>
                    ) : (
                      <Badge tone="good">complete</Badge>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Panel>
        <Panel title="Schedules">
          <ScheduleForm type={type} format={format} days={days} />
          <div className="mt-3">
            <ScheduleTable />
          </div>
        </Panel>
      </div>
    </>
  );
}
