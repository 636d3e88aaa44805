import type { Operation } from '@opspilot/core';
import { Badge } from '../../components/Badge.js';
import { CommandTabs } from '../../components/CommandTabs.js';
import { DiffView } from '../../components/DiffView.js';
import { Panel } from '../../components/Panel.js';
import { toneOf } from '../../components/toneOf.js';
import { ApplyProgress } from './ApplyProgress.js';
import { ApprovalForm } from './ApprovalForm.js';
import { FixVerification } from './FixVerification.js';
import { OperationOutcome } from './OperationOutcome.js';

/**
 * One operation: plan summary, risk and reasons, commands, diff, then review, live progress and outcome — and for a
 * fix, its verification (or rollback).
 */
export function OperationView({
  operation,
  onChange,
}: {
  operation: Operation;
  onChange: (operation: Operation) => void;
}) {
  const { plan } = operation;
  return (
    <div className="space-y-6" data-testid="operation" data-state={operation.state}>
      <Panel title="Plan" actions={<Badge tone={toneOf(operation.state)}>{operation.state}</Badge>}>
        <p className="text-lg">{plan.summary}</p>
        <div className="mt-3 flex flex-wrap items-center gap-2">
          <span className="text-sm font-medium">Risk</span>
          <Badge tone={toneOf(operation.risk)}>{operation.risk}</Badge>
        </div>
        {operation.risk_reasons.length > 0 ? (
          <ul className="mt-2 list-disc pl-5 text-sm" aria-label="Why this risk">
            {operation.risk_reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        ) : null}
        {plan.assumptions.length > 0 ? (
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">Assumed: {plan.assumptions.join('; ')}</p>
        ) : null}
        <ol className="mt-3 list-decimal pl-5 text-sm" aria-label="Steps">
          {plan.steps.map((step, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: steps are ordered and fixed
            <li key={index}>{step.description}</li>
          ))}
        </ol>
      </Panel>
      <Panel title="Commands">
        <CommandTabs bash={plan.rendered.bash} powershell={plan.rendered.powershell} />
      </Panel>
      <Panel title="Diff (server-side dry run)">
        <DiffView diff={operation.diff} />
        {operation.problems.length > 0 ? (
          <ul className="mt-2 list-disc pl-5 text-sm text-red-800 dark:text-red-300" aria-label="Problems">
            {operation.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        ) : null}
      </Panel>
      {operation.state === 'NEEDS_REVIEW' || operation.state === 'APPROVED' ? (
        <ApprovalForm operation={operation} onChange={onChange} />
      ) : null}
      <ApplyProgress
        operationId={operation.id}
        active={operation.state === 'APPROVED' || operation.state === 'APPLYING'}
      />
      {['APPLIED', 'FAILED', 'REJECTED', 'INVALID'].includes(operation.state) ? (
        <OperationOutcome operation={operation} />
      ) : null}
      <FixVerification operation={operation} />
    </div>
  );
}
