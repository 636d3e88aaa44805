import { ConflictError, NotFoundError } from '../errors/index.js';

/** A set of plug-ins of one kind, keyed by id, in registration order. */
export interface Registry<T extends { id: string }> {
  /** Adds a plug-in and returns it; throws ConflictError when the id is taken. */
  register(item: T): T;
  /** The plug-in with `id`; throws NotFoundError whose hint lists the known ids. */
  get(id: string): T;
  has(id: string): boolean;
  /** Every plug-in, in registration order (the order analyzers run and rules report in). */
  list(): T[];
}

/**
 * Creates a registry for one kind of plug-in (`kind` names it in errors). Built-ins are registered explicitly
 * by each package's index; a second plug-in with the same id is a mistake, never an override.
 * @example
 * const analyzers = createRegistry<Analyzer>('analyzer');
 * analyzers.register(podCrashLoop);
 * analyzers.get('pod-crash-loop');
 */
export function createRegistry<T extends { id: string }>(kind: string): Registry<T> {
  const items = new Map<string, T>();
  return {
    register(item) {
      if (items.has(item.id)) {
        throw new ConflictError(`${kind} "${item.id}" is already registered`, {
          hint: `give the new ${kind} a different id, or remove the duplicate registration`,
        });
      }
      items.set(item.id, item);
      return item;
    },
    get(id) {
      const item = items.get(id);
      if (!item) {
        throw new NotFoundError(`no ${kind} "${id}"`, {
          hint: `known ${kind} ids: ${[...items.keys()].join(', ') || 'none'}`,
        });
      }
      return item;
    },
    has: (id) => items.has(id),
    list: () => [...items.values()],
  };
}
