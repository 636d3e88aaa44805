import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../api/trpc.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Panel } from '../../components/Panel.js';

/**
 * The generated CI pipelines (GitHub Actions, GitLab CI) with their review state and what their CI system's schema
 * found; they are approved or rejected on the Reviews page like any generated configuration.
 */
export function PipelinesPanel() {
  const trpc = useTRPC();
  const pipelines = useQuery(trpc.delivery.pipelines.queryOptions({}));
  const rows = pipelines.data ?? [];
  return (
    <Panel title="Generated pipelines">
      <ErrorNotice error={pipelines.error} />
      {rows.length === 0 && !pipelines.isLoading ? (
        <p className="text-sm text-slate-500">
          No pipeline generated yet: `opspilot pipeline generate . --ci github|gitlab` writes one for review.
        </p>
      ) : (
        <table aria-label="Generated pipelines" className="w-full text-left text-sm">
          <thead>
            <tr>
              <th>File</th>
              <th>CI</th>
              <th>Review state</th>
              <th>Schema</th>
              <th>Generated</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id} className="border-t border-slate-200 align-top dark:border-slate-700">
                <td>{p.file_path}</td>
                <td>{p.ci === 'github' ? 'GitHub Actions' : 'GitLab CI'}</td>
                <td>{p.state}</td>
                <td>
                  {p.valid ? 'valid' : `${p.problems.length} problem(s)`}
                  {p.problems.length > 0 ? (
                    <ul className="list-disc pl-4 text-xs">
                      {p.problems.map((x) => (
                        <li key={x.message}>{x.message}</li>
                      ))}
                    </ul>
                  ) : null}
                </td>
                <td>{p.created_at.slice(0, 16).replace('T', ' ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
