import type { Operation } from '@opspilot/core';
import { Badge } from '../../components/Badge.js';
import { Panel } from '../../components/Panel.js';
import { toneOf } from '../../components/toneOf.js';

/** How an operation ended: its final state, each step's outcome and the verification output. */
export function OperationOutcome({ operation }: { operation: Operation }) {
  return (
    <Panel title="Outcome" actions={<Badge tone={toneOf(operation.state)}>{operation.state}</Badge>}>
      <div role="status" data-testid="outcome">
        {operation.steps.length > 0 ? (
          <ol className="list-decimal space-y-1 pl-5 text-sm">
            {operation.steps.map((step) => (
              <li key={step.index}>
                <Badge tone={step.status === 'applied' ? 'good' : 'bad'}>{step.status}</Badge> {step.description}
                {step.message ? ` — ${step.message}` : ''}
              </li>
            ))}
          </ol>
        ) : null}
        {operation.result ? (
          <pre className="mt-3 overflow-x-auto rounded-md bg-slate-100 p-3 font-mono text-sm dark:bg-slate-800">
            {operation.result}
          </pre>
        ) : null}
        {operation.state === 'APPLIED' && !operation.result && operation.steps.length === 0 ? <p>Done.</p> : null}
      </div>
    </Panel>
  );
}
