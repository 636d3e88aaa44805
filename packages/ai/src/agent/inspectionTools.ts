import { defineTool, type KubeObject, redact, redactText, type Tool } from '@opspilot/core';
import { z } from 'zod';
import { selectorOf, workloadView } from '../plan/podTemplate.js';
import { summarizeObject } from './summarizeObject.js';
import { type AgentToolContext, truncate } from './toolContext.js';
import { untrusted } from './untrusted.js';

const Ref = z.object({
  kind: z.string().min(1).describe('Kubernetes kind, e.g. Deployment, Pod, Service, Node'),
  name: z.string().min(1),
  namespace: z.string().min(1).optional(),
});

const cluster = (label: string, value: unknown) =>
  untrusted(label, truncate(typeof value === 'string' ? redactText(value) : JSON.stringify(redact(value), null, 1)));

const ns = (ctx: AgentToolContext, namespace: string | undefined) => namespace ?? ctx.namespace;

function eventLines(events: KubeObject[]): string[] {
  return events.slice(-20).map((e) => {
    const x = e as KubeObject & {
      type?: string;
      reason?: string;
      message?: string;
      involvedObject?: { kind?: string; name?: string };
    };
    return `${x.type ?? ''} ${x.reason ?? ''} ${x.involvedObject?.kind ?? ''}/${x.involvedObject?.name ?? ''}: ${x.message ?? ''}`;
  });
}

/** `get_object`: one object, redacted. */
export const getObjectTool = defineTool<z.infer<typeof Ref>, string, AgentToolContext>({
  name: 'get_object',
  description: 'Read one Kubernetes object (secrets redacted). Use to check a name exists and see its spec and status.',
  input: Ref,
  effect: 'read',
  run: async (ctx, input) => {
    const object = await ctx.cluster.get({ ...input, namespace: ns(ctx, input.namespace) });
    if (!object) return { ok: false, error: `${input.kind} ${input.name} not found` };
    return { ok: true, value: cluster(`${input.kind} ${object.metadata.namespace ?? ''}/${input.name}`, object) };
  },
});

const ListInput = z.object({
  kind: z.string().min(1),
  namespace: z.string().min(1).optional().describe('omit for every namespace'),
  labelSelector: z.string().optional(),
  fieldSelector: z.string().optional(),
});

/** `list_objects`: names and status facts of a kind. */
export const listObjectsTool = defineTool<z.infer<typeof ListInput>, string, AgentToolContext>({
  name: 'list_objects',
  description: 'List objects of one kind with their status facts (phase, replicas, restarts). Use to find names.',
  input: ListInput,
  effect: 'read',
  run: async (ctx, input) => {
    const found = await ctx.cluster.list(input.kind, { ...input, namespace: ns(ctx, input.namespace) });
    return { ok: true, value: cluster(`list of ${input.kind}`, found.slice(0, 200).map(summarizeObject)) };
  },
});

/** `describe_object`: the object plus its recent events. */
export const describeObjectTool = defineTool<z.infer<typeof Ref>, string, AgentToolContext>({
  name: 'describe_object',
  description: 'Describe one object: its spec and status (secrets redacted) and its recent events.',
  input: Ref,
  effect: 'read',
  run: async (ctx, input) => {
    const ref = { ...input, namespace: ns(ctx, input.namespace) };
    const object = await ctx.cluster.get(ref);
    if (!object) return { ok: false, error: `${input.kind} ${input.name} not found` };
    const events = await ctx.cluster.events({ namespace: object.metadata.namespace, involved: ref });
    return { ok: true, value: cluster(`describe ${input.kind} ${input.name}`, { object, events: eventLines(events) }) };
  },
});

const LogsInput = Ref.extend({
  container: z.string().optional(),
  sinceSeconds: z.int().positive().optional(),
  tailLines: z.int().positive().max(1_000).default(200),
});

/** `get_logs`: log text of a pod, or of the first pods of a workload. */
export const getLogsTool = defineTool<z.input<typeof LogsInput>, string, AgentToolContext>({
  name: 'get_logs',
  description: 'Read recent log lines of a pod, or of the pods of a Deployment/StatefulSet/DaemonSet (at most 3 pods).',
  input: LogsInput as z.ZodType<z.input<typeof LogsInput>>,
  effect: 'read',
  run: async (ctx, raw) => {
    const input = LogsInput.parse(raw);
    const namespace = ns(ctx, input.namespace);
    let pods = [{ kind: 'Pod', name: input.name, namespace }];
    if (input.kind !== 'Pod') {
      const owner = await ctx.cluster.get({ kind: input.kind, name: input.name, namespace });
      if (!owner) return { ok: false, error: `${input.kind} ${input.name} not found` };
      const labelSelector = selectorOf(workloadView(owner).matchLabels);
      const found = await ctx.cluster.list('Pod', { namespace: owner.metadata.namespace, labelSelector });
      pods = found.slice(0, 3).map((p) => ({ kind: 'Pod', name: p.metadata.name, namespace: p.metadata.namespace }));
    }
    const parts = await Promise.all(
      pods.map(async (pod) => {
        const text = await ctx.cluster.logs(pod, {
          container: input.container,
          sinceSeconds: input.sinceSeconds,
          tailLines: input.tailLines,
        });
        return cluster(`logs of pod ${pod.namespace ?? ''}/${pod.name}`, text);
      }),
    );
    return { ok: true, value: parts.join('\n') || 'no pods' };
  },
});

const EventsInput = z.object({
  namespace: z.string().optional(),
  kind: z.string().optional(),
  name: z.string().optional(),
});

/** `get_events`: recent events of a namespace or one object. */
export const getEventsTool = defineTool<z.infer<typeof EventsInput>, string, AgentToolContext>({
  name: 'get_events',
  description: 'Recent Kubernetes events (warnings, scheduling failures, restarts) of a namespace or one object.',
  input: EventsInput,
  effect: 'read',
  run: async (ctx, input) => {
    const namespace = ns(ctx, input.namespace);
    const involved = input.kind && input.name ? { kind: input.kind, name: input.name, namespace } : undefined;
    const events = await ctx.cluster.events({ namespace, ...(involved ? { involved } : {}) });
    return { ok: true, value: cluster(`events${namespace ? ` in ${namespace}` : ''}`, eventLines(events).join('\n')) };
  },
});

/** `analyze_object`: status facts of an object, of its pods and its warning events, to answer "what is wrong". */
export const analyzeObjectTool = defineTool<z.infer<typeof Ref>, string, AgentToolContext>({
  name: 'analyze_object',
  description: "Diagnose one object: its status facts, its pods' phases and restarts, and warning events.",
  input: Ref,
  effect: 'read',
  run: async (ctx, input) => {
    const ref = { ...input, namespace: ns(ctx, input.namespace) };
    const object = await ctx.cluster.get(ref);
    if (!object) return { ok: false, error: `${input.kind} ${input.name} not found` };
    const labelSelector = object.kind === 'Pod' ? undefined : selectorOf(workloadView(object).matchLabels);
    const pods = labelSelector
      ? await ctx.cluster.list('Pod', { namespace: object.metadata.namespace, labelSelector })
      : [];
    const events = await ctx.cluster.events({ namespace: object.metadata.namespace, involved: ref });
    const warnings = eventLines(events.filter((e) => (e as { type?: string }).type === 'Warning'));
    return {
      ok: true,
      value: cluster(`analysis of ${input.kind} ${input.name}`, {
        object: summarizeObject(object),
        pods: pods.map(summarizeObject),
        warnings,
      }),
    };
  },
});

/** Every read-only inspection tool of the agent. */
export const INSPECTION_TOOLS = [
  getObjectTool,
  listObjectsTool,
  describeObjectTool,
  getLogsTool,
  getEventsTool,
  analyzeObjectTool,
] as Tool<unknown, string, AgentToolContext>[];
