import { z } from 'zod';
import { Timestamp, Uuid } from '../common.js';
import { ResourceRef } from './resourceRef.js';

const Count = z.number().int().min(0).default(0);

/** How many objects of each main kind a cluster had when the snapshot was taken. */
export const ArchitectureSummary = z.object({
  namespaces: Count,
  nodes: Count,
  /** Deployments, StatefulSets, DaemonSets, Jobs and CronJobs. */
  workloads: Count,
  pods: Count,
  services: Count,
  ingresses: Count,
});
export type ArchitectureSummary = z.infer<typeof ArchitectureSummary>;

const snapshotFields = {
  cluster_id: Uuid,
  summary: ArchitectureSummary,
  /** The objects drawn in the diagram. */
  resources: z.array(ResourceRef).default([]),
  /** The architecture diagram as Mermaid source (`documentationGenerator.exportDiagram`). */
  mermaid: z.string().default(''),
  taken_at: Timestamp,
};

/**
 * The shape of a cluster at one moment (seed 004 `architecture_snapshots`): what architecture pages and
 * change documentation are generated from, and what the next snapshot is compared with.
 */
export const ArchitectureSnapshot = z.object({ id: Uuid, ...snapshotFields });
export type ArchitectureSnapshot = z.infer<typeof ArchitectureSnapshot>;

/** What the generator supplies to store an {@link ArchitectureSnapshot}; `taken_at` defaults to now in the store. */
export const NewArchitectureSnapshot = z.object({ ...snapshotFields, taken_at: Timestamp.optional() });
export type NewArchitectureSnapshot = z.input<typeof NewArchitectureSnapshot>;
