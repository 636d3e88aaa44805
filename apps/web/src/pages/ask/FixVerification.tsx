import type { Operation } from '@opspilot/core';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../api/trpc.js';
import { Badge, type BadgeTone } from '../../components/Badge.js';
import { Panel } from '../../components/Panel.js';

const TONE: Record<string, BadgeTone> = {
  PROPOSED: 'info',
  VERIFYING: 'info',
  VERIFIED: 'good',
  ROLLED_BACK: 'bad',
  FAILED: 'bad',
};
const SETTLED = new Set(['VERIFIED', 'ROLLED_BACK', 'FAILED']);

/**
 * The fix behind an operation (the Fix button of a finding, or `ask "fix …"`) once it was applied: watched until its
 * object is healthy and stays so for the settle window — VERIFIED — or rolled back when it does not. Looks again every
 * 2 s until the fix has settled; nothing is shown for an operation that carries no fix.
 */
export function FixVerification({ operation }: { operation: Operation }) {
  const trpc = useTRPC();
  const applied = operation.state === 'APPLIED' || operation.state === 'FAILED';
  const status = useQuery({
    ...trpc.ops.fixStatus.queryOptions({ id: operation.id }),
    enabled: applied && operation.plan.planner.startsWith('remediate:'),
    refetchInterval: (query) => (query.state.data && SETTLED.has(query.state.data.status) ? false : 2_000),
  });
  const fix = status.data;
  if (!applied || !fix) return null;
  return (
    <Panel title="Fix verification" actions={<Badge tone={TONE[fix.status] ?? 'neutral'}>{fix.status}</Badge>}>
      <div role="status" data-testid="fix-verification" data-status={fix.status} className="text-sm">
        <p>
          {fix.status === 'VERIFYING'
            ? `Watching ${fix.subject.kind.toLowerCase()}/${fix.subject.name} recover: `
            : `${fix.subject.kind.toLowerCase()}/${fix.subject.name}: `}
          {fix.message}
        </p>
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">
          {fix.remediation} for {fix.finding_id}
        </p>
      </div>
    </Panel>
  );
}
