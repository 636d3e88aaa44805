import { createRegistry } from './registry.js';

/** A named factory of an implementation (a model provider, an event bus, a store dialect). */
export interface Provider<T = unknown, O = unknown> {
  id: string;
  create(options: O): T;
}

const providers = createRegistry<Provider>('provider');

/**
 * Registers a provider factory under `id`; throws ConflictError on a duplicate id.
 * @example
 * registerProvider('openai', (options) => createOpenAiModel(options));
 */
export function registerProvider<T, O>(id: string, factory: (options: O) => T): void {
  providers.register({ id, create: factory as (options: unknown) => unknown });
}

/** The provider registered under `id`; throws NotFoundError listing the known ids. */
export function getProvider<T, O>(id: string): Provider<T, O> {
  return providers.get(id) as Provider<T, O>;
}

/** Ids of every registered provider. */
export function listProviders(): string[] {
  return providers.list().map((p) => p.id);
}
