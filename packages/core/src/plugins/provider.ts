import { PluginId, parseDefinition } from './parseDefinition.js';
import { createRegistry } from './registry.js';

/** A named factory of a port implementation (a language model, an event bus, a job queue, a store dialect). */
export interface Provider<T = unknown, O = unknown> {
  id: string;
  create(options: O): T;
}

const providers = createRegistry<Provider>('provider');

/**
 * Registers a provider factory under `id`, so configuration can name an implementation (`ai.provider: openai`)
 * and a composition root can build it without importing every adapter. Ids share one namespace across ports:
 * prefix them with the port (`event-bus:redis`, `job-queue:redis`). Throws InputError on a malformed id and
 * ConflictError on a duplicate.
 * @example
 * registerProvider('language-model:openai', (options: OpenAiOptions) => createOpenAiModel(options));
 * const model = getProvider<LanguageModel, OpenAiOptions>('language-model:openai').create(config.ai);
 */
export function registerProvider<T, O>(id: string, factory: (options: O) => T): void {
  parseDefinition('provider', PluginId, id);
  providers.register({ id, create: factory as (options: unknown) => unknown });
}

/**
 * The provider registered under `id`; throws NotFoundError listing the known ids. The caller names the types it
 * expects: they are not checked at run time.
 */
export function getProvider<T, O>(id: string): Provider<T, O> {
  return providers.get(id) as Provider<T, O>;
}

/** Ids of every registered provider, in registration order (for `--help` and error messages). */
export function listProviders(): string[] {
  return providers.list().map((p) => p.id);
}
