import { namespaceOf, podSpecOf, selectorMatches } from '@opspilot/manifests';
import { z } from 'zod';
import { defineTemplate } from '../policyTemplate.js';
import { REPLICA_KINDS } from './workloadKinds.js';

const replicas = (obj: { spec?: { replicas?: unknown } }) =>
  typeof obj.spec?.replicas === 'number' ? obj.spec.replicas : 1;

/** Gatekeeper `k8sreplicalimits`: replicas within one of the ranges. */
export const replicaLimits = defineTemplate({
  id: 'k8sreplicalimits',
  title: 'Replica limits',
  description: 'Replicated workloads must run a number of replicas within the allowed range',
  kinds: REPLICA_KINDS,
  parameters: z.object({
    ranges: z.array(z.object({ min_replicas: z.number().int().min(0), max_replicas: z.number().int().min(0) })).min(1),
  }),
  keywords: ['replica', 'replicas', 'instances', 'copies', 'scale'],
  check: (obj, p) => {
    const n = replicas(obj);
    if (p.ranges.some((r) => n >= r.min_replicas && n <= r.max_replicas)) return [];
    return [`runs ${n} replicas, outside ${p.ranges.map((r) => `${r.min_replicas}–${r.max_replicas}`).join(', ')}`];
  },
});

/** A PodDisruptionBudget must cover every workload running at least `minReplicas` replicas. */
export const requirePdb = defineTemplate({
  id: 'k8srequirepdb',
  title: 'PodDisruptionBudget required',
  description: 'Workloads with several replicas must be covered by a PodDisruptionBudget that allows an eviction',
  kinds: REPLICA_KINDS,
  parameters: z.object({ minReplicas: z.number().int().min(1).default(2) }),
  keywords: ['pdb', 'poddisruptionbudget', 'disruption', 'budget', 'eviction'],
  check: (obj, p, ctx) => {
    if (replicas(obj) < p.minReplicas) return [];
    const labels = podSpecOf(obj)?.metadata.labels;
    const budgets = ctx
      .inNamespace('PodDisruptionBudget', namespaceOf(obj))
      .filter((b) => selectorMatches(b.obj.spec?.selector?.matchLabels, labels));
    if (budgets.length === 0) return [`runs ${replicas(obj)} replicas with no PodDisruptionBudget`];
    return budgets
      .filter((b) => b.obj.spec?.maxUnavailable === 0 || b.obj.spec?.minAvailable === replicas(obj))
      .map((b) => `PodDisruptionBudget ${b.obj.metadata?.name} allows no voluntary eviction`);
  },
});
