import { z } from 'zod';

/**
 * An object as the user named it: maybe a kind (`Deployment`), a name or fragment (`backend`, `api`) and a namespace.
 * Resolved against the live cluster before planning.
 */
export const TargetPhrase = z.object({
  kind: z.string().min(1).optional(),
  name: z.string().min(1),
  namespace: z.string().min(1).optional(),
});
export type TargetPhrase = z.infer<typeof TargetPhrase>;

/** How a scale request names the new replica count. */
export const ScaleAmount = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('absolute'), replicas: z.int().min(0) }),
  z.object({ mode: z.literal('relative'), delta: z.int() }),
  z.object({ mode: z.literal('percent'), percent: z.number() }),
  z.object({ mode: z.literal('factor'), factor: z.number().positive() }),
]);
export type ScaleAmount = z.infer<typeof ScaleAmount>;

const Resources = z.object({ cpu: z.string().optional(), memory: z.string().optional() });

/** Filters of a list request that kubectl expresses as field selectors or post-filters. */
export const ListFilter = z.enum(['notRunning', 'pending', 'failed', 'running', 'crashing', 'unschedulable']);
export type ListFilter = z.infer<typeof ListFilter>;

/** What a plain-English request asks for, before names are resolved; parsed with zod at the planner's boundary. */
export const Intent = z.discriminatedUnion('action', [
  z.object({ action: z.literal('scale'), target: TargetPhrase, amount: ScaleAmount }),
  z.object({ action: z.literal('restart'), target: TargetPhrase }),
  z.object({ action: z.literal('rollback'), target: TargetPhrase, toRevision: z.int().positive().optional() }),
  z.object({
    action: z.literal('setImage'),
    target: TargetPhrase,
    image: z.string().min(1).optional(),
    tag: z.string().min(1).optional(),
    container: z.string().optional(),
  }),
  z.object({ action: z.literal('setEnv'), target: TargetPhrase, env: z.record(z.string(), z.string()) }),
  z.object({ action: z.literal('setResources'), target: TargetPhrase, requests: Resources, limits: Resources }),
  z.object({
    action: z.literal('expose'),
    target: TargetPhrase,
    port: z.int().min(1).max(65535),
    targetPort: z.int().min(1).max(65535).optional(),
    type: z.enum(['ClusterIP', 'NodePort', 'LoadBalancer']).default('ClusterIP'),
  }),
  z.object({
    action: z.literal('create'),
    kind: z.enum(['Deployment', 'Pod', 'Namespace', 'ConfigMap', 'Secret', 'HorizontalPodAutoscaler']),
    name: z.string().min(1),
    namespace: z.string().optional(),
    image: z.string().optional(),
    replicas: z.int().min(0).optional(),
    port: z.int().min(1).max(65535).optional(),
    data: z.record(z.string(), z.string()).optional(),
    target: TargetPhrase.optional(),
    minReplicas: z.int().min(1).optional(),
    maxReplicas: z.int().min(1).optional(),
    cpuPercent: z.int().min(1).max(100).optional(),
  }),
  z.object({ action: z.literal('delete'), target: TargetPhrase }),
  z.object({ action: z.literal('node'), op: z.enum(['cordon', 'uncordon', 'drain']), target: TargetPhrase }),
  z.object({
    action: z.literal('metadata'),
    field: z.enum(['labels', 'annotations']),
    target: TargetPhrase,
    /** A `null` value removes the key. */
    values: z.record(z.string(), z.string().nullable()),
  }),
  z.object({
    action: z.literal('logs'),
    target: TargetPhrase,
    sinceSeconds: z.int().positive().optional(),
    tailLines: z.int().positive().optional(),
    match: z.string().optional(),
  }),
  z.object({
    action: z.literal('list'),
    kind: z.string().min(1),
    namespace: z.string().optional(),
    filter: ListFilter.optional(),
    labelSelector: z.string().optional(),
    show: z.enum(['default', 'wide', 'images']).default('default'),
  }),
  z.object({ action: z.literal('get'), target: TargetPhrase, describe: z.boolean() }),
  z.object({
    action: z.literal('analyze'),
    target: TargetPhrase.optional(),
    namespace: z.string().optional(),
    question: z.string(),
  }),
  z.object({ action: z.literal('switchTraffic'), target: TargetPhrase, to: z.string().min(1) }),
  z.object({ action: z.literal('resizeVolume'), target: TargetPhrase, size: z.string().min(1) }),
]);
export type Intent = z.infer<typeof Intent>;

/** The `action` of an {@link Intent}. */
export type IntentAction = Intent['action'];
