import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ResourceRegistry } from '../api/resourceRegistry.js';
import type { ObjectStore } from '../store/objectStore.js';
import type { ResourceTarget } from './requestPath.js';
import type { SimHooks } from './simHooks.js';
import type { WriteContext } from './writeOperations.js';

/**
 * Limits of long-running responses.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/
 */
export interface StreamLimits {
  /** How long `logs --follow` streams before the server ends it (default 5 minutes). */
  logFollowMs: number;
  /** How often a followed log is polled for new lines (default 1 s). */
  logPollMs: number;
  /** How often watches that allow bookmarks get one (default 1 s). */
  bookmarkIntervalMs: number;
}

/**
 * What the request handlers share: the store and kinds, the behaviour hooks, the clock and open streams.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/
 */
export interface ApiContext {
  store: ObjectStore;
  registry: ResourceRegistry;
  write: WriteContext;
  /** The behaviour model's hooks (logs, metrics), read at request time. */
  readonly hooks: SimHooks;
  now(): Date;
  limits: StreamLimits;
  /** Registers a long-running response to be ended at shutdown; returns its release function. */
  track(close: () => void): () => void;
}

/**
 * One resource request after routing: the parsed URL and its target.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/
 */
export interface ResourceCall {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  target: ResourceTarget;
  method: string;
}
