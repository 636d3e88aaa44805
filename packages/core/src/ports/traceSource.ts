import type { Trace, TraceQuery } from '../models/seed003/index.js';

/** Tempo-compatible traces: search by service, duration and time, then fetch one trace with all its spans. */
export interface TraceSource {
  search(query: TraceQuery, signal?: AbortSignal): Promise<Trace[]>;
  /** The trace, or `undefined` when the backend does not know the id. */
  getTrace(traceId: string, signal?: AbortSignal): Promise<Trace | undefined>;
}
