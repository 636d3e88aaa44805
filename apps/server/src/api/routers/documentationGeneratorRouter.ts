import { DocTemplate, DocType, GeneratedDoc, InputError, NewDocTemplate, NotFoundError, Uuid } from '@opspilot/core';
import { ArchitectureGraph } from '@opspilot/reports';
import { z } from 'zod';
import {
  exportDiagram,
  generateApiDoc,
  generateArchitectureDoc,
  generateRunbookDoc,
} from '../../reports/generateDocs.js';
import { IdInput } from '../apiSchemas.js';
import { audit, procedureFor, router } from '../trpc.js';
import { visibleCluster } from '../visibleClusters.js';

const meta = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, summary: string) => ({
  openapi: { method, path: `/docs${path}` as `/${string}`, tags: ['docs'], protect: true, summary },
});
const actorOf = (ctx: { principal: { user: { id: string; username: string } } }) => ({
  id: ctx.principal.user.id,
  username: ctx.principal.user.username,
});
const Namespace = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/)
  .max(63)
  .optional();

/**
 * The documentation generator (seed 004): architecture documents of a live cluster or namespace (Mermaid diagram
 * and service catalogue), runbooks written from resolved incidents, API reference pages from OpenAPI documents;
 * diagram export as Mermaid or SVG; stored, versioned documents exportable as Markdown; editable DocTemplates.
 */
export const documentationGeneratorRouter = router({
  generate: procedureFor('OPERATOR')
    .meta(meta('POST', '/generate', 'Generate (or regenerate) a document'))
    .input(
      z.object({
        doc_type: z.enum(['ARCHITECTURE', 'RUNBOOK', 'API']),
        /** ARCHITECTURE: the cluster and, optionally, one namespace. */
        cluster_id: Uuid.optional(),
        namespace: Namespace,
        /** RUNBOOK: the resolved incidents it is written from, and its title. */
        incident_ids: z.array(Uuid).min(1).max(20).optional(),
        title: z.string().min(1).max(200).optional(),
        /** API: the OpenAPI document and where it came from. */
        openapi: z.record(z.string(), z.unknown()).optional(),
        source: z.string().max(500).default('an uploaded OpenAPI document'),
        template_id: Uuid.optional(),
      }),
    )
    .output(GeneratedDoc)
    .mutation(async ({ ctx, input }) => {
      const need = (field: string, what: string): never => {
        throw new InputError(`${input.doc_type} documents need ${field}`, { hint: what });
      };
      if (input.doc_type === 'ARCHITECTURE') {
        if (!input.cluster_id) return need('cluster_id', 'name the cluster (and optionally the namespace) to draw');
        const cluster = await visibleCluster(ctx.services.store, ctx.principal, input.cluster_id);
        return generateArchitectureDoc(ctx.services, cluster, input.namespace, actorOf(ctx), input.template_id);
      }
      if (input.doc_type === 'RUNBOOK') {
        if (!input.incident_ids) return need('incident_ids', 'give the ids of resolved incidents');
        return generateRunbookDoc(ctx.services, input.incident_ids, actorOf(ctx), input.title, input.template_id);
      }
      if (!input.openapi) return need('openapi', 'send the OpenAPI document as JSON');
      return generateApiDoc(ctx.services, input.openapi, input.source, actorOf(ctx), input.template_id);
    }),
  createRunbook: procedureFor('OPERATOR')
    .meta(meta('POST', '/runbooks', 'Write a runbook from resolved incidents'))
    .input(z.object({ incident_ids: z.array(Uuid).min(1).max(20), title: z.string().min(1).max(200).optional() }))
    .output(GeneratedDoc)
    .mutation(async ({ ctx, input }) =>
      generateRunbookDoc(ctx.services, input.incident_ids, actorOf(ctx), input.title),
    ),
  exportDiagram: procedureFor('VIEWER')
    .meta(meta('POST', '/diagram', 'Architecture diagram of a live cluster or namespace as Mermaid or SVG'))
    .input(z.object({ cluster_id: Uuid, namespace: Namespace, format: z.enum(['MERMAID', 'SVG']).default('MERMAID') }))
    .output(z.object({ format: z.enum(['MERMAID', 'SVG']), content: z.string(), graph: ArchitectureGraph }))
    .mutation(async ({ ctx, input }) => {
      const cluster = await visibleCluster(ctx.services.store, ctx.principal, input.cluster_id);
      const { graph, content } = await exportDiagram(ctx.services, cluster, input.namespace, input.format);
      return { format: input.format, content, graph };
    }),
  listDocs: procedureFor('VIEWER')
    .meta(meta('GET', '', 'Generated documents, newest first'))
    .input(z.object({ doc_type: DocType.optional(), limit: z.coerce.number().int().min(1).max(100).default(50) }))
    .output(z.array(GeneratedDoc))
    .query(
      async ({ ctx, input }) =>
        (
          await ctx.services.store.generatedDocs.list(input.doc_type ? { doc_type: input.doc_type } : {}, {
            page_size: input.limit,
          })
        ).items,
    ),
  getDoc: procedureFor('VIEWER')
    .meta(meta('GET', '/{id}', 'A generated document (optionally an earlier version) as Markdown'))
    .input(z.object({ id: Uuid, version: z.coerce.number().int().min(1).optional() }))
    .output(GeneratedDoc.extend({ versions: z.array(z.number()) }))
    .query(async ({ ctx, input }) => {
      const doc = await ctx.services.store.generatedDocs.get(input.id);
      const older = (await ctx.services.store.docVersions.list({ doc_id: doc.id }, { page_size: 100 })).items;
      const versions = [...older.map((v) => v.version), doc.version].sort((a, b) => a - b);
      if (input.version === undefined || input.version === doc.version) return { ...doc, versions };
      const old = older.find((v) => v.version === input.version);
      if (!old) {
        throw new NotFoundError(`document ${doc.id} has no version ${input.version}`, {
          hint: `versions: ${versions.join(', ')}`,
        });
      }
      return {
        ...doc,
        title: old.title,
        content: old.content,
        source_refs: old.source_refs,
        version: old.version,
        versions,
      };
    }),
  templates: procedureFor('VIEWER')
    .meta(meta('GET', '/templates', 'Document templates'))
    .input(z.object({}).optional())
    .output(z.array(DocTemplate))
    .query(async ({ ctx }) => (await ctx.services.store.docTemplates.list({}, { page_size: 100 })).items),
  saveTemplate: procedureFor('OPERATOR')
    .meta(meta('POST', '/templates', 'Create or update a document template'))
    .input(z.object({ id: Uuid.optional(), template: NewDocTemplate }))
    .output(DocTemplate)
    .mutation(async ({ ctx, input }) => {
      const saved = input.id
        ? await ctx.services.store.docTemplates.update(input.id, NewDocTemplate.parse(input.template))
        : await ctx.services.store.docTemplates.create(input.template);
      await audit(ctx, {
        action: input.id ? 'docs.template.updated' : 'docs.template.created',
        target: `doc-template/${saved.id}`,
        status: 'SUCCESS',
        details: { name: saved.name, doc_type: saved.doc_type },
      });
      return saved;
    }),
  deleteTemplate: procedureFor('OPERATOR')
    .meta(meta('DELETE', '/templates/{id}', 'Delete a document template'))
    .input(IdInput)
    .output(z.object({ deleted: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const t = await ctx.services.store.docTemplates.get(input.id);
      await ctx.services.store.docTemplates.delete(input.id);
      await audit(ctx, {
        action: 'docs.template.deleted',
        target: `doc-template/${input.id}`,
        status: 'SUCCESS',
        details: { name: t.name },
      });
      return { deleted: true };
    }),
});
