import type { OpspilotConfig } from '@opspilot/config';
import type { GeneratedDoc } from '@opspilot/core';
import { type DocToSave, saveDocVersion } from '@opspilot/reports';
import type { Store } from '@opspilot/store';
import { withStore } from '../openCliStore.js';

/**
 * Stores a document the CLI generated in the configured store, versioned as the server versions them (same title
 * and type: a new version, the old content kept), and audits `docs.generated`. `clusterName` links the document to
 * the registered cluster of that name, when there is one.
 */
export async function storeCliDoc(
  config: OpspilotConfig,
  cwd: string,
  user: string,
  doc: DocToSave,
  clusterName?: string,
): Promise<GeneratedDoc> {
  return withStore(config, cwd, async (store: Store) => {
    const cluster = clusterName ? await store.clusters.findByName(clusterName) : undefined;
    const saved = await saveDocVersion(store, {
      ...doc,
      ...(cluster ? { cluster_id: cluster.id, source_refs: [`cluster:${cluster.id}`, ...doc.source_refs] } : {}),
    });
    await store.audit.append({
      action: 'docs.generated',
      user_id: user,
      target: `doc/${saved.id}`,
      status: 'SUCCESS',
      ...(saved.cluster_id ? { cluster_id: saved.cluster_id } : {}),
      details: { doc_type: saved.doc_type, version: saved.version, title: saved.title, via: 'cli' },
    });
    return saved;
  });
}
