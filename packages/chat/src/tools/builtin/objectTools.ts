import { summarizeObject } from '@opspilot/ai';
import { z } from 'zod';
import { defineChatTool } from '../chatTool.js';
import { resolveCluster } from '../resolveCluster.js';
import { ClusterArg, eventLine, ObjectArgs } from './clusterArg.js';

const ClusterList = z.array(z.object({ id: z.string(), name: z.string(), status: z.string().optional() }));

/** `list_clusters`: the clusters in scope. */
export const listClustersTool = defineChatTool({
  name: 'list_clusters',
  description: 'List the Kubernetes clusters in scope of this conversation (name, id, status).',
  input: z.object({}),
  output: ClusterList,
  effect: 'read',
  untrusted: false,
  run: async (ctx) => ({ ok: true, value: await ctx.backend.clusters() }),
});

const ListInput = z.object({
  cluster: ClusterArg,
  kind: z.string().min(1).describe('Kubernetes kind, e.g. Pod, Deployment, Node'),
  namespace: z.string().min(1).optional().describe('omit for every namespace'),
  label_selector: z.string().optional(),
  limit: z.int().min(1).max(500).default(100),
});

/** `list_objects`: names and status facts of one kind. */
export const listObjectsTool = defineChatTool({
  name: 'list_objects',
  description: 'List objects of one kind with their status facts (phase, replicas, restarts). Use to find names.',
  input: ListInput as z.ZodType<z.input<typeof ListInput>>,
  output: z.object({ cluster: z.string(), total: z.number(), items: z.array(z.record(z.string(), z.unknown())) }),
  effect: 'read',
  run: async (ctx, raw) => {
    const input = ListInput.parse(raw);
    const cluster = await resolveCluster(ctx, input.cluster);
    if (!cluster.ok) return cluster;
    const gateway = await ctx.backend.cluster(cluster.value.id);
    const found = await gateway.list(input.kind, {
      namespace: input.namespace ?? ctx.namespace,
      ...(input.label_selector ? { labelSelector: input.label_selector } : {}),
    });
    return {
      ok: true,
      value: {
        cluster: cluster.value.name,
        total: found.length,
        items: found.slice(0, input.limit).map(summarizeObject),
      },
    };
  },
});

/** `get_object`: one object, redacted. */
export const getObjectTool = defineChatTool({
  name: 'get_object',
  description: 'Read one Kubernetes object (secret values redacted): its spec and status.',
  input: ObjectArgs,
  output: z.record(z.string(), z.unknown()),
  effect: 'read',
  run: async (ctx, input) => {
    const cluster = await resolveCluster(ctx, input.cluster);
    if (!cluster.ok) return cluster;
    const gateway = await ctx.backend.cluster(cluster.value.id);
    const object = await gateway.get({
      kind: input.kind,
      name: input.name,
      namespace: input.namespace ?? ctx.namespace,
    });
    if (!object) return { ok: false, error: `${input.kind} ${input.name} not found in ${cluster.value.name}` };
    return { ok: true, value: object as Record<string, unknown> };
  },
});

/** `describe_object`: status facts and recent events of one object. */
export const describeObjectTool = defineChatTool({
  name: 'describe_object',
  description: 'Describe one object like kubectl describe: its status facts and its recent events.',
  input: ObjectArgs,
  output: z.object({ object: z.record(z.string(), z.unknown()), events: z.array(z.string()) }),
  effect: 'read',
  run: async (ctx, input) => {
    const cluster = await resolveCluster(ctx, input.cluster);
    if (!cluster.ok) return cluster;
    const gateway = await ctx.backend.cluster(cluster.value.id);
    const ref = { kind: input.kind, name: input.name, namespace: input.namespace ?? ctx.namespace };
    const object = await gateway.get(ref);
    if (!object) return { ok: false, error: `${input.kind} ${input.name} not found in ${cluster.value.name}` };
    const events = await gateway.events({ namespace: object.metadata.namespace, involved: ref });
    return { ok: true, value: { object: summarizeObject(object), events: events.slice(-20).map(eventLine) } };
  },
});

const EventsInput = z.object({
  cluster: ClusterArg,
  namespace: z.string().optional(),
  kind: z.string().optional(),
  name: z.string().optional(),
  warnings_only: z.boolean().default(false),
});

/** `get_events`: recent events of a namespace or one object. */
export const getEventsTool = defineChatTool({
  name: 'get_events',
  description: 'Recent Kubernetes events (warnings, scheduling failures, restarts) of a namespace or one object.',
  input: EventsInput as z.ZodType<z.input<typeof EventsInput>>,
  output: z.array(z.string()),
  effect: 'read',
  run: async (ctx, raw) => {
    const input = EventsInput.parse(raw);
    const cluster = await resolveCluster(ctx, input.cluster);
    if (!cluster.ok) return cluster;
    const gateway = await ctx.backend.cluster(cluster.value.id);
    const namespace = input.namespace ?? ctx.namespace;
    const involved = input.kind && input.name ? { kind: input.kind, name: input.name, namespace } : undefined;
    const events = await gateway.events({ namespace, ...(involved ? { involved } : {}) });
    const shown = input.warnings_only ? events.filter((e) => (e as { type?: string }).type === 'Warning') : events;
    return { ok: true, value: shown.slice(-50).map(eventLine) };
  },
});

const LogsInput = z.object({
  cluster: ClusterArg,
  pod: z.string().min(1),
  namespace: z.string().min(1).optional(),
  container: z.string().optional(),
  tail_lines: z.int().min(1).max(2_000).default(200),
});

/** `get_logs`: the last lines of a pod's log. */
export const getLogsTool = defineChatTool({
  name: 'get_logs',
  description: 'Read the last log lines of one pod (use list_objects kind Pod to find pod names).',
  input: LogsInput as z.ZodType<z.input<typeof LogsInput>>,
  output: z.string(),
  effect: 'read',
  run: async (ctx, raw) => {
    const input = LogsInput.parse(raw);
    const cluster = await resolveCluster(ctx, input.cluster);
    if (!cluster.ok) return cluster;
    const gateway = await ctx.backend.cluster(cluster.value.id);
    const text = await gateway.logs(
      { kind: 'Pod', name: input.pod, namespace: input.namespace ?? ctx.namespace },
      { tailLines: input.tail_lines, ...(input.container ? { container: input.container } : {}) },
    );
    return { ok: true, value: text };
  },
});
