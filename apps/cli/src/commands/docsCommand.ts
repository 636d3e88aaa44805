import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError, NotFoundError } from '@opspilot/core';
import {
  ARCHITECTURE_KINDS,
  apiReference,
  architectureGraph,
  architectureMermaid,
  BUILTIN_DOC_TEMPLATES,
  catalogueMarkdown,
  type DocToSave,
  renderArchitectureSvg,
  renderDocTemplate,
  runbookFromIncidents,
  serviceCatalogue,
} from '@opspilot/reports';
import type { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import type { CliContext } from '../cliContext.js';
import { openGateway } from '../clusterAccess.js';
import { withStore } from '../openCliStore.js';
import { renderColumns } from '../renderOutput.js';
import { reviewActor } from './reviewActor.js';
import { storeCliDoc } from './storeCliDoc.js';

/** `--no-store` and `--out` of every `docs generate` command. */
interface GenerateOptions {
  out?: string;
  store?: boolean;
}

/**
 * Stores the document (unless `--no-store`; the stored one is Markdown), then writes or prints what was asked for;
 * the stored id and version go to stderr (and into `-o json|yaml` as `stored`).
 */
async function emit(
  ctx: CliContext,
  command: Command,
  options: GenerateOptions,
  data: { title: string; content: string } & Record<string, unknown>,
  stored?: { doc: DocToSave; cluster?: string },
) {
  let saved: { id: string; version: number } | undefined;
  if (options.store !== false && stored) {
    const config = await ctx.loadConfig(command);
    const doc = await storeCliDoc(config, ctx.io.cwd, reviewActor(undefined, ctx.io.env), stored.doc, stored.cluster);
    saved = { id: doc.id, version: doc.version };
    ctx.io.stderr.write(`stored as document ${doc.id} (version ${doc.version})\n`);
  }
  const extra = saved ? { stored: saved } : {};
  if (options.out) {
    const file = resolve(ctx.io.cwd, options.out);
    writeFileSync(file, data.content);
    ctx.print(command, { file, title: data.title, bytes: data.content.length, ...extra }, () => `wrote ${file}`);
    return;
  }
  ctx.print(command, { ...data, ...extra }, (d) => d.content);
}

/**
 * Registers `opspilot docs`: `docs generate architecture [-n ns] [--format markdown|mermaid|svg]` (the live cluster's
 * diagram and service catalogue), `docs generate runbook <incident...>` (from resolved incidents in the store),
 * `docs generate api <openapi.json|yaml>` — each stored in the configured store as a new version of its document
 * (as the server stores them; `--no-store` skips it) — `docs catalogue` (a kubectl-style table) and `docs list`.
 */
export function docsCommand(parent: Command, ctx: CliContext): Command {
  const docs = parent
    .command('docs')
    .description('generated documentation: architecture diagrams, service catalogue, runbooks, API reference');
  const generate = docs.command('generate').description('generate a document');
  generate
    .command('architecture')
    .description('the architecture of the current cluster or one namespace (-n): diagram and service catalogue')
    .option('--format <format>', 'markdown (diagram as Mermaid + catalogue), mermaid or svg', 'markdown')
    .option('--out <file>', 'write it to this file')
    .option('--no-store', 'do not keep the document (Markdown) in the store as a new version')
    .action(async (options: GenerateOptions & { format: string }, command: Command) => {
      const format = options.format.toLowerCase();
      if (!['markdown', 'mermaid', 'svg'].includes(format))
        throw new InputError(`unknown format ${options.format}`, { hint: 'use markdown, mermaid or svg' });
      const config = await ctx.loadConfig(command);
      const namespace = ctx.options(command).namespace ?? undefined;
      const gateway = openGateway(config, ctx.io);
      try {
        const snapshot = await gateway.snapshot({
          kinds: [...ARCHITECTURE_KINDS],
          ...(namespace ? { namespace } : {}),
        });
        const graph = architectureGraph(snapshot, namespace);
        const scope = namespace ? `namespace ${namespace}` : `cluster ${snapshot.cluster}`;
        const markdown = renderDocTemplate(BUILTIN_DOC_TEMPLATES.ARCHITECTURE, {
          scope,
          cluster: snapshot.cluster,
          generated_at: snapshot.takenAt,
          mermaid: architectureMermaid(graph),
          catalogue: catalogueMarkdown(serviceCatalogue(snapshot, namespace, graph)),
        });
        const content =
          format === 'svg'
            ? await renderArchitectureSvg(graph)
            : format === 'mermaid'
              ? architectureMermaid(graph)
              : markdown;
        // The same title as the server gives it, so both versions one history.
        const title = `Architecture of ${scope} (${snapshot.cluster})`;
        await emit(
          ctx,
          command,
          options,
          { title, content, graph },
          {
            doc: {
              title,
              doc_type: 'ARCHITECTURE',
              content: markdown,
              source_refs: namespace ? [`namespace:${namespace}`] : [],
            },
            cluster: snapshot.cluster,
          },
        );
      } finally {
        gateway.close();
      }
    });
  generate
    .command('runbook')
    .description('a runbook written from one or more resolved incidents')
    .argument('<incident...>', 'incident ids as in `opspilot incidents list`')
    .option('--title <title>', 'the runbook title')
    .option('--out <file>', 'write it to this file')
    .option('--no-store', 'do not keep the runbook in the store as a new version')
    .action(async (ids: string[], options: GenerateOptions & { title?: string }, command: Command) => {
      const config = await ctx.loadConfig(command);
      const { content, first } = await withStore(config, ctx.io.cwd, async (store) => {
        const resolved = [];
        for (const id of ids) {
          const incident = await store.incidents.find(id).catch(() => undefined);
          if (!incident)
            throw new NotFoundError(`incident ${id} not found`, { hint: 'run `opspilot incidents list` to see ids' });
          resolved.push({ incident, timeline: (await store.incidents.listActions(id, { page_size: 100 })).items });
        }
        return { content: runbookFromIncidents(resolved, options.title), first: resolved[0]?.incident };
      });
      const title = `Runbook: ${options.title ?? first?.title}`;
      await emit(
        ctx,
        command,
        options,
        { title: content.split('\n')[0]?.replace(/^# /, '') ?? 'Runbook', content, incidents: ids },
        {
          doc: {
            title,
            doc_type: 'RUNBOOK',
            content,
            ...(first?.cluster_id ? { cluster_id: first.cluster_id } : {}),
            source_refs: ids.map((i) => `incident:${i}`),
          },
        },
      );
    });
  generate
    .command('api')
    .description("an API reference page from a service's OpenAPI document (JSON or YAML file)")
    .argument('<file>', 'the OpenAPI document')
    .option('--out <file>', 'write it to this file')
    .option('--no-store', 'do not keep the page in the store as a new version')
    .action(async (file: string, options: GenerateOptions, command: Command) => {
      let text: string;
      try {
        text = readFileSync(resolve(ctx.io.cwd, file), 'utf8');
      } catch {
        throw new InputError(`cannot read ${file}`, { hint: 'pass the path of an OpenAPI JSON or YAML file' });
      }
      let doc: unknown;
      try {
        doc = parseYaml(text);
      } catch (error) {
        throw new InputError(`${file} is not JSON or YAML: ${(error as Error).message}`, {
          hint: 'pass an OpenAPI document',
        });
      }
      const content = apiReference(doc);
      const title = content.split('\n')[0]?.replace(/^# /, '') ?? 'API reference';
      await emit(
        ctx,
        command,
        options,
        { title, content },
        {
          doc: {
            title,
            doc_type: 'API',
            content,
            source_refs: [`file:${file.replace(/[^A-Za-z0-9._/-]/g, '_')}`],
          },
        },
      );
    });
  docs
    .command('catalogue')
    .description(
      'the service catalogue of the current cluster or namespace (-n): owner, image, ports, dependencies, health',
    )
    .action(async (_options: unknown, command: Command) => {
      const config = await ctx.loadConfig(command);
      const namespace = ctx.options(command).namespace ?? undefined;
      const gateway = openGateway(config, ctx.io);
      try {
        const snapshot = await gateway.snapshot({
          kinds: [...ARCHITECTURE_KINDS],
          ...(namespace ? { namespace } : {}),
        });
        const entries = serviceCatalogue(snapshot, namespace);
        ctx.print(command, entries, (list) =>
          renderColumns([
            ['NAMESPACE', 'NAME', 'OWNER', 'IMAGE', 'PORTS', 'DEPENDS ON', 'HEALTH', 'READY'],
            ...list.map((e) => [
              e.namespace,
              e.name,
              e.owner ?? '-',
              e.images.join(',') || '-',
              e.ports.join(',') || '-',
              e.dependencies.join(',') || '-',
              e.health,
              e.ready,
            ]),
          ]),
        );
      } finally {
        gateway.close();
      }
    });
  docs
    .command('list')
    .description('the stored generated documents')
    .action(async (_options: unknown, command: Command) => {
      const config = await ctx.loadConfig(command);
      const rows = await withStore(
        config,
        ctx.io.cwd,
        async (store) => (await store.generatedDocs.list({}, { page_size: 100 })).items,
      );
      ctx.print(command, rows, (list) =>
        list.length === 0
          ? 'No documents stored yet.'
          : renderColumns([
              ['ID', 'TYPE', 'VERSION', 'TITLE', 'UPDATED'],
              ...list.map((d) => [
                d.id,
                d.doc_type,
                String(d.version),
                d.title,
                d.updated_at.slice(0, 16).replace('T', ' '),
              ]),
            ]),
      );
    });
  return docs;
}
