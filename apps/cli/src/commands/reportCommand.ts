import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError, ReportFormat, ReportType, systemClock } from '@opspilot/core';
import { buildReport, missingSections, renderReport } from '@opspilot/reports';
import type { Command } from 'commander';
import type { CliContext } from '../cliContext.js';
import { openGateway } from '../clusterAccess.js';
import { withStore } from '../openCliStore.js';
import { renderColumns } from '../renderOutput.js';
import { reportLocalSources } from './reportLocalSources.js';
import { reportSchedulesCommand } from './reportSchedulesCommand.js';

const TYPES: Record<string, ReportType> = {
  executive: 'EXECUTIVE_SUMMARY',
  analysis: 'DETAILED_ANALYSIS',
  incidents: 'INCIDENT_REPORT',
  capacity: 'CAPACITY_PLAN',
};
const DAY = 86_400_000;

/**
 * Registers `opspilot report <executive|analysis|incidents|capacity>`: builds the report from the local store and
 * the current cluster and prints it (Markdown by default; `--format html|pdf|json`, `--out FILE` to write it; PDF
 * needs `--out`), warning on stderr about sections whose source is down; `opspilot report history` lists the stored
 * reports (those the server generated and scheduled); `opspilot report schedules` manages the schedules.
 */
export function reportCommand(parent: Command, ctx: CliContext): Command {
  const report = parent
    .command('report')
    .description('reports: executive summary, detailed analysis, incidents, capacity plan (Markdown, HTML, PDF, JSON)');
  report
    .command('generate', { isDefault: true })
    .description('build a report now and print or write it')
    .argument('<type>', `one of ${Object.keys(TYPES).join(', ')}`)
    .option('--format <format>', 'markdown, html, pdf or json', 'markdown')
    .option('--days <n>', 'the period: the last N days', '7')
    .option('--out <file>', 'write the report to this file')
    .option('--title <title>', 'the report title')
    .action(
      async (
        type: string,
        options: { format: string; days: string; out?: string; title?: string },
        command: Command,
      ) => {
        const reportType = TYPES[type] ?? ReportType.safeParse(type.toUpperCase()).data;
        if (!reportType)
          throw new InputError(`unknown report type ${type}`, { hint: `use one of ${Object.keys(TYPES).join(', ')}` });
        const format = ReportFormat.safeParse(options.format.toUpperCase());
        if (!format.success)
          throw new InputError(`unknown format ${options.format}`, { hint: 'use markdown, html, pdf or json' });
        const days = Number(options.days);
        if (!Number.isInteger(days) || days < 1 || days > 366)
          throw new InputError(`--days ${options.days} is not 1–366`, { hint: 'e.g. --days 30' });
        if (format.data === 'PDF' && !options.out)
          throw new InputError('a PDF is not printed to the terminal', { hint: 'add --out report.pdf' });
        const config = await ctx.loadConfig(command);
        const now = systemClock.now();
        const doc = await withStore(config, ctx.io.cwd, async (store) => {
          const gateway = openGateway(config, ctx.io);
          const sources = reportLocalSources(store, config.kube.context ?? 'current', () =>
            gateway.snapshot({ kinds: ['Node', 'Pod'] }),
          );
          try {
            return await buildReport(sources, {
              type: reportType,
              period: { start: new Date(now.getTime() - days * DAY).toISOString(), end: now.toISOString() },
              clusters: [],
              title: options.title,
              generatedAt: now,
            });
          } finally {
            gateway.close();
          }
        });
        for (const s of missingSections(doc))
          ctx.io.stderr.write(`warning: section "${s.title}" is missing: ${s.missing_reason}\n`);
        const rendered = await renderReport(doc, format.data);
        if (options.out) {
          const file = resolve(ctx.io.cwd, options.out);
          writeFileSync(file, rendered.body);
          ctx.print(
            command,
            {
              file,
              format: format.data,
              bytes: rendered.body.length,
              missing_sections: missingSections(doc).map((s) => s.id),
            },
            () => `wrote ${file} (${rendered.body.length} bytes)`,
          );
          return;
        }
        if (format.data === 'JSON' || globalJson(ctx, command)) return ctx.print(command, doc, () => '');
        ctx.io.stdout.write(new TextDecoder().decode(rendered.body));
      },
    );
  report
    .command('history')
    .description('the stored reports, newest first')
    .option('--limit <n>', 'how many', '20')
    .action(async (options: { limit: string }, command: Command) => {
      const config = await ctx.loadConfig(command);
      const rows = await withStore(config, ctx.io.cwd, async (store) => {
        const reports = (await store.reports.list({}, { page_size: Math.min(100, Number(options.limit) || 20) })).items;
        return Promise.all(
          reports.map(async (r) => ({
            ...r,
            missing_sections: (await store.reportFiles.find(r.id))?.missing_sections ?? [],
          })),
        );
      });
      ctx.print(command, rows, (list) =>
        list.length === 0
          ? 'No reports stored yet.'
          : renderColumns([
              ['ID', 'TYPE', 'FORMAT', 'TITLE', 'BY', 'MISSING', 'CREATED'],
              ...list.map((r) => [
                r.id,
                r.report_type,
                r.format,
                r.title,
                r.generated_by === 'system' ? 'schedule' : r.generated_by.slice(0, 8),
                r.missing_sections.join(',') || '-',
                r.created_at.slice(0, 16).replace('T', ' '),
              ]),
            ]),
      );
    });
  reportSchedulesCommand(report, ctx);
  return report;
}

function globalJson(ctx: CliContext, command: Command): boolean {
  const output = ctx.options(command).output;
  return output === 'json' || output === 'yaml';
}
