import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTRPC } from '../../api/trpc.js';
import { Button } from '../../components/Button.js';

/**
 * The Fix button of a finding: proposes its remediation (a securityContext or pod-field patch, a default-deny
 * NetworkPolicy, dropping a cluster-admin binding) as an operation through review, and links to the review. Findings
 * without an automatic fix say so.
 */
export function FindingFixButton({ clusterId, findingId }: { clusterId: string; findingId: string }) {
  const trpc = useTRPC();
  const fix = useMutation(trpc.security.fix.mutationOptions());
  if (fix.data)
    return (
      <span data-testid="fix-proposed" className="text-xs">
        {fix.data.state === 'INVALID' ? 'Refused: ' : 'Proposed for review: '}
        <Link className="text-sky-700 underline dark:text-sky-400" to="/reviews">
          operation {fix.data.id.slice(0, 8)}
        </Link>{' '}
        ({fix.data.state})
      </span>
    );
  return (
    <span className="flex flex-col gap-1">
      <Button
        variant="secondary"
        aria-label={`Fix ${findingId}`}
        disabled={fix.isPending}
        onClick={() => fix.mutate({ cluster_id: clusterId, finding_id: findingId })}
      >
        {fix.isPending ? 'Proposing…' : 'Fix'}
      </Button>
      {fix.error ? (
        <span role="alert" className="text-xs text-red-700 dark:text-red-400">
          {fix.error.message}
        </span>
      ) : null}
    </span>
  );
}
