import type { DocType, GeneratedDoc, NewGeneratedDoc } from '@opspilot/core';

/** Where generated documents and their earlier versions are kept (the store's `generatedDocs` and `docVersions`). */
export interface DocVersionStore {
  generatedDocs: {
    list(filter: Record<string, string>, page: { page_size: number }): Promise<{ items: GeneratedDoc[] }>;
    create(doc: NewGeneratedDoc): Promise<GeneratedDoc>;
    update(id: string, patch: Partial<GeneratedDoc>): Promise<GeneratedDoc>;
  };
  docVersions: {
    create(version: {
      doc_id: string;
      version: number;
      title: string;
      content: string;
      source_refs: string[];
    }): Promise<unknown>;
  };
}

/** A document to store: what the generator produced. */
export interface DocToSave {
  title: string;
  doc_type: DocType;
  content: string;
  cluster_id?: string;
  template_id?: string;
  source_refs: string[];
}

/**
 * Stores a generated document, versioned by title and type (and cluster, when it has one): the first time as
 * version 1; later the content it replaces is kept as an earlier version and the version is raised. The server and
 * the CLI store documents through this one function, so both keep the same history.
 */
export async function saveDocVersion(store: DocVersionStore, doc: DocToSave): Promise<GeneratedDoc> {
  const existing = (
    await store.generatedDocs.list(
      { title: doc.title, doc_type: doc.doc_type, ...(doc.cluster_id ? { cluster_id: doc.cluster_id } : {}) },
      { page_size: 1 },
    )
  ).items[0];
  if (!existing) return store.generatedDocs.create({ ...doc, format: 'MARKDOWN', version: 1 });
  await store.docVersions.create({
    doc_id: existing.id,
    version: existing.version,
    title: existing.title,
    content: existing.content,
    source_refs: existing.source_refs,
  });
  return store.generatedDocs.update(existing.id, {
    content: doc.content,
    source_refs: doc.source_refs,
    template_id: doc.template_id,
    version: existing.version + 1,
  });
}
