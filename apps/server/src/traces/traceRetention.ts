import { durationToMs } from '@opspilot/core';
import type { ApiServices } from '../api/apiServices.js';

/** Pruning runs at most this often per store. */
const PRUNE_EVERY_MS = 60_000;

const lastPruned = new WeakMap<object, number>();

/**
 * Deletes the spans older than `traces.retention`, at most once a minute per store (called on every receipt and
 * search, so retention holds without a timer of its own). Returns how many spans went.
 */
export async function pruneSpansNow(services: Pick<ApiServices, 'store' | 'clock' | 'config'>): Promise<number> {
  const now = services.clock.now().getTime();
  const last = lastPruned.get(services.store);
  if (last !== undefined && now - last < PRUNE_EVERY_MS && now >= last) return 0;
  lastPruned.set(services.store, now);
  return services.store.spans.prune(new Date(now - durationToMs(services.config.traces.retention)));
}
