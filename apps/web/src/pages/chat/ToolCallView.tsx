import { Badge } from '../../components/Badge.js';
import type { ToolItem } from './chatItems.js';
import { ProposedOperation } from './ProposedOperation.js';

const pre = 'mt-1 max-h-64 overflow-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-800';

/** A tool call, collapsed to its name and status; opened, its input and output. A proposed operation shows inline. */
export function ToolCallView({ item }: { item: ToolItem }) {
  const data = item.result?.data as { operation_id?: string } | undefined;
  return (
    <div className="space-y-3">
      <details className="rounded-md border border-slate-200 px-3 py-2 dark:border-slate-700" data-testid="tool-call">
        <summary className="cursor-pointer text-sm">
          <span className="font-mono">{item.name}</span>{' '}
          <Badge tone={item.result ? (item.result.status === 'SUCCESS' ? 'good' : 'bad') : 'neutral'}>
            {item.result?.status ?? 'running'}
          </Badge>
        </summary>
        <div className="mt-2 text-sm">
          <div className="font-medium">Input</div>
          <pre className={pre}>{JSON.stringify(item.arguments, null, 2)}</pre>
          {item.result ? (
            <>
              <div className="mt-2 font-medium">Output</div>
              <pre className={pre}>{item.result.error ?? item.result.content}</pre>
            </>
          ) : null}
        </div>
      </details>
      {item.name === 'propose_operation' && data?.operation_id ? <ProposedOperation id={data.operation_id} /> : null}
    </div>
  );
}
