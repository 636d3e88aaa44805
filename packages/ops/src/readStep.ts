import { matchingLines, safePattern } from '@opspilot/ai';
import { formatRef, type KubeObject, type PlanStep, redactSecret, unwrap } from '@opspilot/core';
import { stringify } from 'yaml';
import { analyzeTarget } from './analyzeTarget.js';
import type { OpsDeps } from './opsDeps.js';
import { recentChanges } from './recentChanges.js';

type Json = Record<string, unknown>;
type ReadOp = Extract<PlanStep, { op: 'get' | 'describe' | 'list' | 'logs' | 'analyze' | 'changes' }>;

/**
 * Runs a read step and returns what `kubectl` would have shown, as text: an object as YAML (with its events for
 * describe), a list as NAME/STATUS rows or images, log lines (filtered by `match`, compiled by `safePattern` of
 * `@opspilot/ai`: linear-time RE2, an InputError for an invalid pattern), the analyzers' diagnosis, or what changed
 * in a window (the audit log, rollouts and events).
 * A Secret's values are shown as `<redacted>` (its keys kept): the answer is stored, returned and shown.
 */
export async function readStep(
  deps: Pick<OpsDeps, 'gateway' | 'analyze' | 'clock'> & Partial<Pick<OpsDeps, 'audit' | 'clusterId'>>,
  step: ReadOp,
): Promise<string> {
  const { gateway } = deps;
  switch (step.op) {
    case 'get':
    case 'describe': {
      const object = await gateway.get(step.target);
      if (!object) return `${formatRef(step.target)}: not found`;
      const { managedFields: _m, ...metadata } = object.metadata as KubeObject['metadata'] & {
        managedFields?: unknown;
      };
      let text = stringify(redactSecret({ ...object, metadata }));
      if (step.op === 'describe') {
        const events = await gateway.events({ namespace: step.target.namespace, involved: step.target });
        text += `Events:\n${events.map((e) => `  ${String((e as Json).type)}  ${String((e as Json).reason)}  ${String((e as Json).message)}`).join('\n') || '  <none>'}\n`;
      }
      return text;
    }
    case 'list': {
      const items = await gateway.list(step.kind, {
        namespace: step.namespace,
        labelSelector: step.labelSelector,
        fieldSelector: step.fieldSelector,
      });
      if (items.length === 0) return `No ${step.kind} found${step.namespace ? ` in namespace ${step.namespace}` : ''}.`;
      return items.map((o) => listRow(o, step.show)).join('\n');
    }
    case 'logs': {
      const match = step.match ? unwrap(safePattern(step.match, { ignoreCase: true })) : undefined;
      const pods =
        step.target.kind === 'Pod'
          ? [step.target]
          : (await gateway.list('Pod', { namespace: step.target.namespace, labelSelector: step.labelSelector })).map(
              (p) => ({
                kind: 'Pod',
                name: p.metadata.name,
                namespace: p.metadata.namespace,
              }),
            );
      const out: string[] = [];
      for (const pod of pods) {
        const text = await gateway.logs(pod, {
          container: step.container,
          sinceSeconds: step.sinceSeconds,
          tailLines: step.tailLines,
        });
        for (const line of await matchingLines(text, match)) out.push(`${pod.name}: ${line}`);
      }
      return out.length ? out.join('\n') : `No matching log lines in ${pods.length} pod(s).`;
    }
    case 'analyze':
      return deps.analyze ? deps.analyze(step) : analyzeTarget(deps.gateway, deps.clock, step);
    case 'changes':
      return recentChanges(deps, step);
  }
}

function listRow(object: KubeObject, show: 'default' | 'wide' | 'images'): string {
  const where = object.metadata.namespace ? `${object.metadata.namespace}/` : '';
  if (show === 'images') {
    const spec = object.spec as Json | undefined;
    const podSpec =
      (object.kind === 'Pod' ? spec : ((spec?.template as Json | undefined)?.spec as Json | undefined)) ?? {};
    const images = ((podSpec.containers as Json[] | undefined) ?? []).map((c) => String(c.image));
    return `${where}${object.metadata.name}\t${images.join(', ')}`;
  }
  const status = object.status as Json | undefined;
  const phase =
    status?.phase ??
    (status?.readyReplicas !== undefined ? `${status.readyReplicas}/${(object.spec as Json)?.replicas} ready` : '');
  return `${where}${object.metadata.name}\t${String(phase ?? '')}`.trimEnd();
}
