import type { ResourceRegistry } from '../api/resourceRegistry.js';
import { lookupImage } from '../controllers/imageCatalog.js';
import { podEnv } from '../controllers/podEnv.js';
import { isPodReady } from '../controllers/replicaSetController.js';
import type { KubeObject } from '../store/kubeObject.js';
import type { ObjectStore } from '../store/objectStore.js';

type Json = Record<string, unknown>;

/** Database URL schemes and the `db.system` they stand for. */
const DATABASES: Record<string, string> = {
  postgres: 'postgresql',
  postgresql: 'postgresql',
  mysql: 'mysql',
  mariadb: 'mariadb',
  redis: 'redis',
  rediss: 'redis',
  mongodb: 'mongodb',
};

/** A database a service talks to (from a URL in its environment). */
export interface DatabaseCall {
  system: string;
  host: string;
  name: string;
}

/** A Service of the simulated cluster whose ready pods answer HTTP, with whom it calls. */
export interface GraphService {
  namespace: string;
  name: string;
  pods: KubeObject[];
  /** The path requests to it ask for: the first non-probe path its image serves. */
  path: string;
  calls: string[];
  databases: DatabaseCall[];
}

const PROBE = /(health|ready|live)z?$|^\/docs$/;

function selects(service: KubeObject, pod: KubeObject): boolean {
  const selector = ((service.spec as Json | undefined)?.selector ?? {}) as Record<string, string>;
  const labels = pod.metadata.labels ?? {};
  return Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels[k] === v);
}

/** The Service of this namespace a URL points at (`http://backend`, `http://backend.todo.svc.cluster.local:80/x`). */
function serviceOfUrl(url: URL, namespace: string, names: Set<string>): string | undefined {
  const [first, second] = url.hostname.split('.');
  if (!first || !names.has(first)) return undefined;
  return second === undefined || second === namespace || second === 'svc' ? first : undefined;
}

/**
 * The request graph of the simulated applications, read from the cluster as it is: every Service whose ready pods run
 * an image that serves HTTP, the Services it calls (an `http(s)://` URL naming one of its namespace in its pods'
 * environment, ConfigMaps and Secrets included) and the databases it uses (a `postgresql://`, `mysql://`,
 * `redis://` or `mongodb://` URL).
 */
export function serviceGraph(store: ObjectStore, registry: ResourceRegistry): GraphService[] {
  const podType = registry.find('', 'v1', 'pods');
  const serviceType = registry.find('', 'v1', 'services');
  if (!podType || !serviceType) return [];
  const pods = store
    .list(podType)
    .items.filter((p) => (p.status as Json | undefined)?.phase === 'Running' && isPodReady(p));
  const services = store.list(serviceType).items;
  const view = { store, registry };
  const graph: GraphService[] = [];
  for (const service of services) {
    const namespace = service.metadata.namespace ?? 'default';
    const mine = pods.filter((p) => p.metadata.namespace === namespace && selects(service, p));
    const first = mine[0];
    const containers = ((first?.spec as Json | undefined)?.containers as Json[] | undefined) ?? [];
    const served = containers.flatMap((c) => lookupImage(String(c.image ?? ''))?.serves ?? []);
    if (!first || served.length === 0) continue;
    const names = new Set(services.filter((s) => s.metadata.namespace === namespace).map((s) => s.metadata.name));
    const calls = new Set<string>();
    const databases = new Map<string, DatabaseCall>();
    for (const c of containers) {
      for (const value of Object.values(podEnv(view, first, String(c.name)))) {
        let url: URL;
        try {
          url = new URL(value);
        } catch {
          continue;
        }
        const scheme = url.protocol.replace(/:$/, '');
        const system = DATABASES[scheme];
        if (system) {
          const name = url.pathname.replace(/^\//, '') || system;
          databases.set(`${system}@${url.hostname}`, { system, host: url.hostname, name });
        } else if (scheme === 'http' || scheme === 'https') {
          const callee = serviceOfUrl(url, namespace, names);
          if (callee && callee !== service.metadata.name) calls.add(callee);
        }
      }
    }
    graph.push({
      namespace,
      name: service.metadata.name,
      pods: mine,
      path: served.find((p) => !PROBE.test(p) && p !== '/') ?? '/',
      calls: [...calls].sort(),
      databases: [...databases.values()],
    });
  }
  return graph;
}

/** The services nobody else in the graph calls but that call someone: where requests enter. */
export function entryServices(graph: GraphService[]): GraphService[] {
  const called = new Set(graph.flatMap((s) => s.calls.map((c) => `${s.namespace}/${c}`)));
  return graph.filter((s) => !called.has(`${s.namespace}/${s.name}`) && (s.calls.length > 0 || s.databases.length > 0));
}
