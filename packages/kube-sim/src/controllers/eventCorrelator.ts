/** What the correlator needs to know of an event about to be recorded. */
export interface EventDraft {
  /** `kind/namespace/name/uid/apiVersion` of the involved object. */
  object: string;
  /** `source.component` (and host, when there is one). */
  source: string;
  type: string;
  reason: string;
  message: string;
}

/** The verdict on one event: dropped by the spam filter, or written under `key` with this message and count. */
export type EventCorrelation =
  | { skip: true }
  | {
      skip: false;
      /** Identifies the Event object this occurrence counts on. */
      key: string;
      /** The message to store: the event's own, or `(combined from similar events): …` once aggregated. */
      message: string;
      count: number;
      /** When the Event object was first observed (epoch ms). */
      first: number;
    };

/** Limits of {@link EventCorrelator}; the defaults are the Kubernetes event recorder's. */
export interface EventCorrelatorOptions {
  /** Distinct messages with one source, object, type and reason before they are combined (default 10). */
  maxSimilar: number;
  /** Window in which similar events count towards {@link maxSimilar} (default 10 minutes). */
  similarWindowMs: number;
  /** Events a source may write about one object at once (default 25). */
  burst: number;
  /** Milliseconds per refilled token (default 5 minutes). */
  refillMs: number;
  /** Entries kept per cache (default 4096, least recently used dropped first). */
  cacheSize: number;
}

const DEFAULTS: EventCorrelatorOptions = {
  maxSimilar: 10,
  similarWindowMs: 600_000,
  burst: 25,
  refillMs: 300_000,
  cacheSize: 4096,
};

/** A Map that forgets its least recently used entry beyond `size`. */
class LruMap<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly size: number) {}
  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }
  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.size) this.map.delete(this.map.keys().next().value as string);
  }
}

/**
 * Decides how an event reaches the API, as the kubelet's and controllers' event recorder does: repeats of the same
 * event count on one Event object; once {@link EventCorrelatorOptions.maxSimilar} events differing only in message
 * arrive within {@link EventCorrelatorOptions.similarWindowMs}, further ones count on one
 * `(combined from similar events): …` Event; and a token bucket per source and object (burst 25, one token every
 * 5 minutes) drops writes beyond that rate, while counts keep running.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/cluster-resources/event-v1/
 */
export class EventCorrelator {
  private readonly options: EventCorrelatorOptions;
  private readonly similar: LruMap<{ messages: Set<string>; last: number }>;
  private readonly observed: LruMap<{ count: number; first: number }>;
  private readonly buckets: LruMap<{ tokens: number; at: number }>;

  constructor(options: Partial<EventCorrelatorOptions> = {}) {
    this.options = { ...DEFAULTS, ...options };
    this.similar = new LruMap(this.options.cacheSize);
    this.observed = new LruMap(this.options.cacheSize);
    this.buckets = new LruMap(this.options.cacheSize);
  }

  /** Correlates one event observed at `now` (epoch ms). */
  correlate(event: EventDraft, now: number): EventCorrelation {
    const { key, message } = this.aggregate(event, now);
    const seen = this.observed.get(key);
    const observation = { count: (seen?.count ?? 0) + 1, first: seen?.first ?? now };
    this.observed.set(key, observation);
    if (!this.allow(`${event.source}\n${event.object}`, now)) return { skip: true };
    return { skip: false, key, message, ...observation };
  }

  private aggregate(event: EventDraft, now: number): { key: string; message: string } {
    const similarKey = [event.source, event.object, event.type, event.reason].join('\n');
    let record = this.similar.get(similarKey);
    if (!record || now - record.last > this.options.similarWindowMs) record = { messages: new Set(), last: now };
    record.messages.add(event.message);
    record.last = now;
    this.similar.set(similarKey, record);
    if (record.messages.size < this.options.maxSimilar)
      return { key: `${similarKey}\n${event.message}`, message: event.message };
    record.messages.delete(record.messages.values().next().value as string);
    return { key: similarKey, message: `(combined from similar events): ${event.message}` };
  }

  private allow(spamKey: string, now: number): boolean {
    const { burst, refillMs } = this.options;
    const bucket = this.buckets.get(spamKey) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.at) / refillMs);
    bucket.at = now;
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    this.buckets.set(spamKey, bucket);
    return allowed;
  }
}
