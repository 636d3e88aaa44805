import { z } from 'zod';
import type { ClusterSnapshot } from '../ports/clusterSnapshot.js';
import type { Finding } from './finding.js';
import { functionField, PluginId, parseDefinition } from './parseDefinition.js';

/** Context handed to analyzers: the time to judge ages against (from the `Clock` port) and the scope asked for. */
export interface AnalyzerContext {
  now: Date;
  namespace?: string;
}

/**
 * A diagnosis analyzer: a pure, synchronous function over a cluster snapshot that returns findings. It throws only
 * for a bug; {@link runAnalyzers} isolates it when it does.
 */
export interface Analyzer {
  id: string;
  /** The kinds it reads, e.g. `['Pod', 'Event']`; the snapshot must include them. */
  kinds: string[];
  description?: string;
  analyze(snapshot: ClusterSnapshot, ctx: AnalyzerContext): Finding[];
}

const AnalyzerDefinition = z.object({
  id: PluginId,
  kinds: z.array(z.string().min(1)).min(1, 'name at least one kind'),
  description: z.string().optional(),
  analyze: functionField<Analyzer['analyze']>(),
});

/**
 * Declares an analyzer, checking its definition (id pattern, at least one kind); throws InputError when malformed.
 * @example
 * export const podCrashLoop = defineAnalyzer({
 *   id: 'pod-crash-loop',
 *   kinds: ['Pod', 'Event'],
 *   description: 'Pods whose containers restart in a loop',
 *   analyze: (snapshot, ctx) => objectsOf(snapshot, 'Pod').flatMap((pod) => crashLoopFindings(pod, ctx)),
 * });
 */
export function defineAnalyzer(definition: Analyzer): Analyzer {
  parseDefinition('analyzer', AnalyzerDefinition, definition);
  return definition;
}
