import { z } from 'zod';
import { JsonObject, Timestamp, Uuid } from '../common.js';

/** Kinds of generated documentation (seed 004 documentation generator). */
export const DocType = z.enum(['ARCHITECTURE', 'RUNBOOK', 'API', 'CHANGELOG', 'POST_MORTEM', 'KNOWLEDGE_BASE']);
/** Formats of generated documentation. */
export const DocFormat = z.enum(['MARKDOWN', 'HTML', 'MERMAID']);

const docFields = {
  cluster_id: Uuid.optional(),
  title: z.string().min(1),
  doc_type: DocType,
  format: DocFormat.default('MARKDOWN'),
  content: z.string(),
  template_id: Uuid.optional(),
  source_refs: z.array(z.string()).default([]),
  version: z.number().int().min(1).default(1),
};

/** A generated document (seed 004 `generated_docs`). */
export const GeneratedDoc = z.object({ id: Uuid, ...docFields, created_at: Timestamp, updated_at: Timestamp });
export type GeneratedDoc = z.infer<typeof GeneratedDoc>;

/** The caller-supplied part of a {@link GeneratedDoc}. */
export const NewGeneratedDoc = z.object(docFields);
export type NewGeneratedDoc = z.input<typeof NewGeneratedDoc>;

const templateFields = {
  name: z.string().min(1),
  doc_type: DocType,
  format: DocFormat.default('MARKDOWN'),
  body: z.string().min(1),
  variables: z.array(z.string().regex(/^[a-z_][a-z0-9_]*$/, 'must be a snake_case variable name')).default([]),
};

/** A template documents are generated from (seed 004 `doc_templates`). */
export const DocTemplate = z.object({ id: Uuid, ...templateFields, created_at: Timestamp });
export type DocTemplate = z.infer<typeof DocTemplate>;

/** The caller-supplied part of a {@link DocTemplate}. */
export const NewDocTemplate = z.object(templateFields);
export type NewDocTemplate = z.input<typeof NewDocTemplate>;

const snapshotFields = {
  cluster_id: Uuid,
  summary: z.object({
    namespaces: z.number().int().min(0),
    workloads: z.number().int().min(0),
    services: z.number().int().min(0),
    nodes: z.number().int().min(0),
  }),
  resources: z.array(JsonObject).default([]),
  mermaid: z.string().default(''),
  taken_at: Timestamp,
};

/** The shape of a cluster at one moment, for diagrams and drift (seed 004 `architecture_snapshots`). */
export const ArchitectureSnapshot = z.object({ id: Uuid, ...snapshotFields });
export type ArchitectureSnapshot = z.infer<typeof ArchitectureSnapshot>;

/** The caller-supplied part of an {@link ArchitectureSnapshot}. */
export const NewArchitectureSnapshot = z.object(snapshotFields).extend({ taken_at: Timestamp.optional() });
export type NewArchitectureSnapshot = z.input<typeof NewArchitectureSnapshot>;
