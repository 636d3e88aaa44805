import type { Intent } from '../intent/intent.js';
import type { KnownKind } from '../intent/kindWords.js';
import {
  type Built,
  describeRef,
  failed,
  type PlanContext,
  partialObject,
  question,
  resolveIn,
  steps,
  unsupported,
} from './planContext.js';
import { workloadView } from './podTemplate.js';
import { quantityBytes } from './quantity.js';

type Of<A extends Intent['action']> = Extract<Intent, { action: A }>;

const DELETABLE: KnownKind[] = [
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Pod',
  'Service',
  'ConfigMap',
  'Secret',
  'PersistentVolumeClaim',
  'Job',
  'CronJob',
  'Ingress',
  'HorizontalPodAutoscaler',
];
const LABELLABLE: KnownKind[] = [
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Pod',
  'Service',
  'ConfigMap',
  'Node',
  'Namespace',
];

/** `kubectl delete` of one resolved object. */
export async function deleteSteps(intent: Of<'delete'>, ctx: PlanContext): Promise<Built> {
  const found = await resolveIn(ctx, intent.target, DELETABLE);
  if (failed(found)) return found;
  const what = describeRef(found.ref);
  return steps(`Delete ${what}`, [{ op: 'delete', target: found.ref, description: `delete ${what}` }]);
}

/** Cordon, uncordon or drain a node. */
export async function nodeSteps(intent: Of<'node'>, ctx: PlanContext): Promise<Built> {
  const found = await resolveIn(ctx, intent.target, ['Node']);
  if (failed(found)) return found;
  const name = found.ref.name;
  const ref = { kind: 'Node', name, apiVersion: 'v1' };
  if (intent.op === 'drain') {
    return steps(`Drain node ${name}: cordon it and evict its pods (DaemonSet pods stay)`, [
      { op: 'drain', target: ref, ignoreDaemonSets: true, deleteEmptyDirData: true, description: `drain node ${name}` },
    ]);
  }
  const text = intent.op === 'cordon' ? `Mark node ${name} unschedulable` : `Mark node ${name} schedulable again`;
  return steps(text, [{ op: intent.op, target: ref, description: `${intent.op} node ${name}` }]);
}

/** Labels or annotations set on, or removed from, one object (a removal is a `null` in the strategic-merge patch). */
export async function metadataSteps(intent: Of<'metadata'>, ctx: PlanContext): Promise<Built> {
  const found = await resolveIn(ctx, intent.target, LABELLABLE);
  if (failed(found)) return found;
  const what = describeRef(found.ref);
  const noun = intent.field === 'labels' ? 'label' : 'annotation';
  const present = (found.object.metadata[intent.field] ?? {}) as Record<string, string>;
  const entries = Object.entries(intent.values);
  const removed = entries.filter(([, v]) => v === null).map(([k]) => k);
  const absent = removed.filter((k) => !(k in present));
  if (absent.length > 0) {
    const existing = Object.keys(present);
    return unsupported(
      `${what} has no ${noun} ${absent.join(', ')}, so there is nothing to remove${existing.length ? ` (its ${noun}s: ${existing.join(', ')})` : ''}.`,
      existing.slice(0, 3).map((k) => `remove ${noun} ${k} from ${found.ref.kind.toLowerCase()} ${found.ref.name}`),
    );
  }
  const set = entries.filter(([, v]) => v !== null).map(([k, v]) => `${k}=${v}`);
  const parts = [
    ...(set.length ? [`Set ${noun}s ${set.join(', ')}`] : []),
    ...(removed.length
      ? [`${set.length ? 'remove' : 'Remove'} ${noun}${removed.length > 1 ? 's' : ''} ${removed.join(', ')}`]
      : []),
  ];
  const text = `${parts.join(' and ')} ${set.length ? 'on' : 'from'} ${what}`;
  const object = partialObject(found.ref, { metadata: { [intent.field]: intent.values } });
  return steps(text, [{ op: 'apply', mode: 'patch', object, description: text }]);
}

/**
 * Blue/green: moves a Service's selector to the other colour. The selector key whose value is the colour (e.g.
 * `version: blue`) changes; a workload whose pods carry the new selector must exist in the namespace.
 */
export async function switchTrafficSteps(intent: Of<'switchTraffic'>, ctx: PlanContext): Promise<Built> {
  const found = await resolveIn(ctx, intent.target, ['Service']);
  if (failed(found)) return found;
  const selector = ((found.object.spec as { selector?: Record<string, string> } | undefined)?.selector ?? {}) as Record<
    string,
    string
  >;
  const namespace = found.ref.namespace;
  const workloads = [
    ...(await ctx.lister.list('Deployment', namespace)),
    ...(await ctx.lister.list('StatefulSet', namespace)),
  ];
  const colourKey = Object.keys(selector).find((k) => /^(blue|green)$/.test(selector[k] ?? ''));
  const keys = colourKey ? [colourKey] : Object.keys(selector);
  for (const key of keys) {
    const next = { ...selector, [key]: intent.to };
    const serving = workloads.find((w) => Object.entries(next).every(([k, v]) => workloadView(w).podLabels[k] === v));
    if (!serving) continue;
    const what = describeRef(found.ref);
    const text = `Switch ${what} from ${key}=${selector[key]} to ${key}=${intent.to} (pods of ${describeRef({ kind: serving.kind, name: serving.metadata.name, namespace })})`;
    const object = partialObject(found.ref, { spec: { selector: next } });
    return steps(text, [{ op: 'apply', mode: 'patch', object, description: text }]);
  }
  return question(
    `No workload in namespace ${namespace} has pods matching service ${found.ref.name}'s selector with "${intent.to}". Which deployment should it send traffic to?`,
    workloads.map((w) => ({
      ref: { kind: w.kind, name: w.metadata.name, namespace },
      label: `${w.kind.toLowerCase()}/${w.metadata.name}`,
    })),
  );
}

/** Grows a PersistentVolumeClaim (claims never shrink). */
export async function resizeVolumeSteps(intent: Of<'resizeVolume'>, ctx: PlanContext): Promise<Built> {
  const found = await resolveIn(ctx, intent.target, ['PersistentVolumeClaim']);
  if (failed(found)) return found;
  const current = (found.object.spec as { resources?: { requests?: { storage?: string } } } | undefined)?.resources
    ?.requests?.storage;
  const what = describeRef(found.ref);
  if (current && quantityBytes(intent.size) <= quantityBytes(current)) {
    return unsupported(`${what} is ${current}; a claim can only grow, not shrink to ${intent.size}.`, [
      `resize pvc ${found.ref.name} to a size above ${current}`,
    ]);
  }
  const text = `Resize ${what} from ${current ?? 'its current size'} to ${intent.size}`;
  const object = partialObject(found.ref, { spec: { resources: { requests: { storage: intent.size } } } });
  return steps(text, [{ op: 'apply', mode: 'patch', object, description: text }]);
}
