import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../api/trpc.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { PageHeading } from '../../components/PageHeading.js';
import { Panel } from '../../components/Panel.js';

const input = 'rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800';

/**
 * The documentation generator: the architecture diagram of a live cluster or namespace (SVG drawn by the server),
 * architecture documents with their service catalogue, and the stored documents with their versions, exportable
 * as Markdown.
 */
export function DocsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const clusters = useQuery(trpc.clusters.list.queryOptions({ page_size: 100 }));
  const [clusterId, setClusterId] = useState('');
  const [namespace, setNamespace] = useState('');
  const [openDoc, setOpenDoc] = useState<string | undefined>();
  const cluster = clusterId || clusters.data?.items?.[0]?.id || '';
  const diagram = useMutation(trpc.documentationGenerator.exportDiagram.mutationOptions());
  const generate = useMutation(
    trpc.documentationGenerator.generate.mutationOptions({
      onSuccess: async (doc) => {
        setOpenDoc(doc.id);
        await queryClient.invalidateQueries({ queryKey: trpc.documentationGenerator.listDocs.queryKey() });
      },
    }),
  );
  const docs = useQuery(trpc.documentationGenerator.listDocs.queryOptions({ limit: 50 }));
  const doc = useQuery({
    ...trpc.documentationGenerator.getDoc.queryOptions({ id: openDoc ?? '' }),
    enabled: openDoc !== undefined,
  });
  const ns = namespace.trim() || undefined;
  return (
    <>
      <PageHeading title="Documentation">
        Architecture diagrams and service catalogues read from the live cluster, runbooks from resolved incidents and
        API references from OpenAPI documents; every document is versioned and exports as Markdown.
      </PageHeading>
      <Panel title="Architecture">
        <div className="flex flex-wrap items-end gap-3">
          <label className="flex flex-col text-sm">
            Cluster
            <select className={input} value={cluster} onChange={(e) => setClusterId(e.target.value)}>
              {(clusters.data?.items ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-sm">
            Namespace
            <input
              className={input}
              value={namespace}
              placeholder="all"
              onChange={(e) => setNamespace(e.target.value)}
            />
          </label>
          <button
            type="button"
            className="rounded bg-blue-600 px-3 py-1.5 text-sm text-white"
            disabled={!cluster}
            onClick={() => diagram.mutate({ cluster_id: cluster, namespace: ns, format: 'SVG' })}
          >
            Draw diagram
          </button>
          <button
            type="button"
            className="rounded border border-blue-600 px-3 py-1.5 text-sm"
            disabled={!cluster}
            onClick={() => generate.mutate({ doc_type: 'ARCHITECTURE', cluster_id: cluster, namespace: ns })}
          >
            Generate document
          </button>
        </div>
        <ErrorNotice error={diagram.error ?? generate.error} />
        {diagram.data ? (
          <figure className="mt-4 overflow-auto">
            <img
              alt="Architecture diagram"
              data-testid="architecture-svg"
              src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(diagram.data.content)}`}
            />
            <figcaption className="text-xs">
              {diagram.data.graph.nodes.length} nodes, {diagram.data.graph.edges.length} edges
            </figcaption>
          </figure>
        ) : null}
      </Panel>
      <div className="mt-6 space-y-6">
        {doc.data ? (
          <Panel
            title={`${doc.data.title} (version ${doc.data.version})`}
            actions={
              <a
                className="text-sm text-blue-700 underline dark:text-blue-300"
                download={`${doc.data.title}.md`}
                href={`data:text/markdown;charset=utf-8,${encodeURIComponent(doc.data.content)}`}
              >
                Export Markdown
              </a>
            }
          >
            <pre
              data-testid="doc-content"
              className="max-h-[600px] overflow-auto whitespace-pre-wrap rounded bg-slate-50 p-3 text-xs dark:bg-slate-900"
            >
              {doc.data.content}
            </pre>
          </Panel>
        ) : null}
        <Panel title="Documents">
          <ErrorNotice error={docs.error} />
          <table aria-label="Generated documents" className="w-full text-left text-sm">
            <thead>
              <tr>
                <th>Title</th>
                <th>Type</th>
                <th>Version</th>
                <th>Updated</th>
              </tr>
            </thead>
            <tbody>
              {(docs.data ?? []).map((d) => (
                <tr key={d.id} className="border-t border-slate-200 dark:border-slate-700">
                  <td>
                    <button
                      type="button"
                      className="text-blue-700 underline dark:text-blue-300"
                      onClick={() => setOpenDoc(d.id)}
                    >
                      {d.title}
                    </button>
                  </td>
                  <td>{d.doc_type}</td>
                  <td>{d.version}</td>
                  <td>{d.updated_at.slice(0, 16).replace('T', ' ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Panel>
      </div>
    </>
  );
}
