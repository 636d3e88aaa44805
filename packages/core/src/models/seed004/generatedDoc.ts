import { z } from 'zod';
import { Timestamp, Uuid } from '../common.js';

/** Kinds of documentation the generator writes (seed 004 documentation generator, key features). */
export const DocType = z.enum(['ARCHITECTURE', 'RUNBOOK', 'API', 'CHANGELOG', 'POST_MORTEM', 'KNOWLEDGE_BASE']);
export type DocType = z.infer<typeof DocType>;

/** Formats of generated documentation; MERMAID for diagrams (`documentationGenerator.exportDiagram`). */
export const DocFormat = z.enum(['MARKDOWN', 'HTML', 'MERMAID']);
export type DocFormat = z.infer<typeof DocFormat>;

/**
 * Something a document was generated from, as `kind:ref`, so a reader can check it and a change can mark it
 * stale: `incident:<id>`, `runbook:<id>`, `snapshot:<id>`, `resource:deployment/todo/backend`, `url:https://...`.
 */
export const DocSourceRef = z.string().regex(/^[a-z][a-z_-]*:\S+$/, 'must be kind:ref, e.g. incident:<id>');
export type DocSourceRef = z.infer<typeof DocSourceRef>;

const docFields = {
  cluster_id: Uuid.optional(),
  title: z.string().min(1).max(255),
  doc_type: DocType,
  format: DocFormat.default('MARKDOWN'),
  content: z.string().min(1),
  template_id: Uuid.optional(),
  source_refs: z.array(DocSourceRef).default([]),
  /** Raised by one each time the document is regenerated. */
  version: z.number().int().min(1).default(1),
};

/** A generated document (seed 004 `generated_docs`): a post-mortem, a runbook, an architecture page, ... */
export const GeneratedDoc = z.object({ id: Uuid, ...docFields, created_at: Timestamp, updated_at: Timestamp });
export type GeneratedDoc = z.infer<typeof GeneratedDoc>;

/** What the generator supplies to store a {@link GeneratedDoc}. */
export const NewGeneratedDoc = z.object(docFields);
export type NewGeneratedDoc = z.input<typeof NewGeneratedDoc>;
