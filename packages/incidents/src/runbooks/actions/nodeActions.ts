import { z } from 'zod';
import { defineRunbookAction } from '../runbookAction.js';

const Node = z.object({ node: z.string().min(1) });
const ref = (name: string) => ({ kind: 'Node', name });

/** `kubectl cordon`: no new pods on the node. */
export const nodeCordon = defineRunbookAction({
  id: 'node:cordon',
  type: 'action',
  description: 'Mark a node unschedulable (kubectl cordon)',
  params: Node,
  async propose(_ctx, { node }) {
    return {
      summary: `cordon node ${node}`,
      steps: [{ op: 'cordon', target: ref(node), description: `cordon ${node}` }],
    };
  },
});

/** `kubectl drain` through the Eviction API (PodDisruptionBudgets honoured; DaemonSet pods stay). */
export const nodeDrain = defineRunbookAction({
  id: 'node:drain',
  type: 'action',
  description: 'Evict the pods of a node so their controllers recreate them elsewhere (kubectl drain)',
  params: Node,
  async propose(_ctx, { node }) {
    return {
      summary: `drain node ${node}`,
      steps: [
        {
          op: 'drain',
          target: ref(node),
          ignoreDaemonSets: true,
          deleteEmptyDirData: true,
          description: `drain ${node}`,
        },
      ],
    };
  },
});

/** `kubectl uncordon`. */
export const nodeUncordon = defineRunbookAction({
  id: 'node:uncordon',
  type: 'action',
  description: 'Make a node schedulable again (kubectl uncordon)',
  params: Node,
  async propose(_ctx, { node }) {
    return {
      summary: `uncordon node ${node}`,
      steps: [{ op: 'uncordon', target: ref(node), description: `uncordon ${node}` }],
    };
  },
});
