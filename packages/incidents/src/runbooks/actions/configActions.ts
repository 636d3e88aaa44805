import { InputError, type KubeObject, NotFoundError } from '@opspilot/core';
import { inversePatch } from '@opspilot/ops';
import { z } from 'zod';
import { defineRunbookAction } from '../runbookAction.js';

type Json = Record<string, unknown>;

/**
 * Takes back the change an operation made to a ConfigMap: the operation's journal kept the ConfigMap as it was before,
 * so the revert is the inverse patch of what it applied (keys it added are removed, values it changed restored).
 */
export const configMapRevert = defineRunbookAction({
  id: 'configmap:revert',
  type: 'action',
  description: 'Revert the change an opspilot operation made to a ConfigMap (from its journal)',
  params: z.object({ namespace: z.string().min(1), configmap: z.string().min(1), operation_id: z.string().min(1) }),
  async propose(ctx, p) {
    const operation = await ctx.operation?.(p.operation_id);
    if (!operation) {
      throw new NotFoundError(`operation ${p.operation_id} not found`, {
        hint: 'list the operations to find the change',
      });
    }
    const journal = (Array.isArray(operation.details.journal) ? operation.details.journal : []) as {
      index: number;
      before?: KubeObject;
    }[];
    for (const entry of journal) {
      const step = operation.plan.steps[entry.index];
      if (step?.op !== 'apply' || step.object.kind !== 'ConfigMap' || step.object.metadata.name !== p.configmap)
        continue;
      if (!entry.before) break;
      const applied = { data: (step.object as Json).data ?? {}, binaryData: (step.object as Json).binaryData };
      const before = entry.before as unknown as Json;
      const undo = inversePatch(
        Object.fromEntries(Object.entries(applied).filter(([, v]) => v !== undefined)) as Json,
        { data: before.data ?? {}, ...(before.binaryData ? { binaryData: before.binaryData } : {}) },
      );
      return {
        summary: `revert ConfigMap ${p.namespace}/${p.configmap} to before operation ${p.operation_id}`,
        steps: [
          {
            op: 'apply',
            mode: 'patch',
            object: {
              apiVersion: 'v1',
              kind: 'ConfigMap',
              metadata: { name: p.configmap, namespace: p.namespace },
              ...undo,
            },
            description: `revert ConfigMap ${p.configmap}`,
          },
        ],
      };
    }
    throw new InputError(`operation ${p.operation_id} did not change ConfigMap ${p.namespace}/${p.configmap}`, {
      hint: 'name the operation that changed it (the root-cause analysis names it in its audit evidence)',
    });
  },
});
