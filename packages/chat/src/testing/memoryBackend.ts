import type { ClusterGateway } from '@opspilot/core';
import type { ProposedOperation, ToolBackend } from '../tools/toolContext.js';

/** A one-cluster {@link ToolBackend} over a gateway for tests; proposals are recorded, never applied. */
export function memoryBackend(
  gateway: Pick<ClusterGateway, 'get' | 'list' | 'logs' | 'events' | 'snapshot'>,
  extra: Partial<ToolBackend> = {},
): ToolBackend & { proposals: { clusterId: string; request: string; namespace?: string }[] } {
  const proposals: { clusterId: string; request: string; namespace?: string }[] = [];
  const cluster = { id: '6f1c1c3e-8d7e-4a53-9f3e-1c2b3a4d5e6f', name: 'sim', status: 'ACTIVE' };
  return {
    proposals,
    clusters: async () => [cluster],
    cluster: async () => gateway,
    propose: async (clusterId, request, namespace): Promise<ProposedOperation> => {
      proposals.push({ clusterId, request, ...(namespace ? { namespace } : {}) });
      return { kind: 'operation', operation_id: `op-${proposals.length}`, state: 'NEEDS_REVIEW', summary: request };
    },
    ...extra,
  };
}
