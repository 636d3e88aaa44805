import type { KubeObject } from '../store/kubeObject.js';
import { downwardValue } from './downwardApi.js';
import type { PodView } from './podView.js';

export type { PodView } from './podView.js';

type Json = Record<string, unknown>;

const IMAGE_ENV = {
  PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
};
/** Variable names the kubelet accepts from `envFrom` (printable ASCII but `=`: relaxed validation, on since 1.32). */
const ENV_NAME = /^[!-<>-~]+$/;

const list = (v: unknown): Json[] =>
  (Array.isArray(v) ? (v as unknown[]) : []).filter((e): e is Json => !!e && typeof e === 'object');

/** The container of a pod by name (init and ephemeral containers included), or undefined. */
export function podContainer(pod: KubeObject, name: string): Json | undefined {
  const spec = (pod.spec ?? {}) as Json;
  return [...list(spec.containers), ...list(spec.initContainers), ...list(spec.ephemeralContainers)].find(
    (c) => c.name === name,
  );
}

/** The decoded key/value pairs of a ConfigMap (`data`, `binaryData`) or Secret (`data`, base64), or undefined. */
export function sourceData(
  view: Pick<PodView, 'store' | 'registry'>,
  kind: 'ConfigMap' | 'Secret',
  namespace: string,
  name: string,
): Record<string, string> | undefined {
  const type = view.registry.find('', 'v1', kind === 'Secret' ? 'secrets' : 'configmaps');
  const obj = type ? (view.store.find(type, namespace, name) as unknown as Json | undefined) : undefined;
  if (!obj) return undefined;
  const decode = (m: unknown) =>
    Object.fromEntries(
      Object.entries((m as Record<string, string> | undefined) ?? {}).map(([k, v]) => [
        k,
        Buffer.from(String(v), 'base64').toString('utf8'),
      ]),
    );
  if (kind === 'Secret') return { ...decode(obj.data), ...((obj.stringData as Record<string, string>) ?? {}) };
  return { ...((obj.data as Record<string, string>) ?? {}), ...decode(obj.binaryData) };
}

/** `$(VAR)` references expanded as the kubelet does (`$$` escapes; unknown references stay as written). */
export function expandReferences(value: string, env: Record<string, string>): string {
  return value.replace(/\$\$|\$\(([^)]*)\)/g, (whole, name: string | undefined) => {
    if (whole === '$$') return '$';
    return name !== undefined && name in env ? env[name]! : whole;
  });
}

/** The `<NAME>_SERVICE_HOST`, `<NAME>_PORT_…` variables of one Service, as the kubelet builds them. */
export function serviceEnv(service: KubeObject): Record<string, string> {
  const spec = (service.spec ?? {}) as Json;
  const ip = String(spec.clusterIP ?? '');
  if (!ip || ip === 'None') return {};
  const ports = list(spec.ports);
  const prefix = String(service.metadata.name).toUpperCase().replace(/-/g, '_');
  const env: Record<string, string> = {};
  const first = ports[0];
  if (!first) return env;
  env[`${prefix}_SERVICE_HOST`] = ip;
  env[`${prefix}_SERVICE_PORT`] = String(first.port);
  for (const p of ports)
    if (typeof p.name === 'string' && p.name)
      env[`${prefix}_SERVICE_PORT_${p.name.toUpperCase().replace(/-/g, '_')}`] = String(p.port);
  const proto = (p: Json) => String(p.protocol ?? 'TCP');
  env[`${prefix}_PORT`] = `${proto(first).toLowerCase()}://${ip}:${first.port}`;
  for (const p of ports) {
    const base = `${prefix}_PORT_${p.port}_${proto(p)}`;
    env[base] = `${proto(p).toLowerCase()}://${ip}:${p.port}`;
    env[`${base}_PROTO`] = proto(p).toLowerCase();
    env[`${base}_PORT`] = String(p.port);
    env[`${base}_ADDR`] = ip;
  }
  return env;
}

/**
 * The Service variables a container gets: those of every Service of its namespace with a cluster IP (unless the pod
 * sets `enableServiceLinks: false`) and always those of the `kubernetes` Service of `default`.
 */
function serviceLinks(view: Pick<PodView, 'store' | 'registry'>, pod: KubeObject): Record<string, string> {
  const type = view.registry.find('', 'v1', 'services');
  if (!type) return {};
  const namespace = pod.metadata.namespace ?? 'default';
  const env: Record<string, string> = {};
  if ((pod.spec as Json | undefined)?.enableServiceLinks !== false)
    for (const s of view.store.list(type, { namespace }).items)
      if (namespace !== 'default' || s.metadata.name !== 'kubernetes') Object.assign(env, serviceEnv(s));
  const master = view.store.find(type, 'default', 'kubernetes');
  if (master) Object.assign(env, serviceEnv(master));
  return env;
}

/**
 * The environment a container's process sees, as the kubelet and runtime build it: the image's `PATH`, `HOSTNAME`
 * and `HOME`, the Service variables, then `envFrom` (ConfigMaps and Secrets, with `prefix`; keys that are not valid
 * variable names — with `=` or outside printable ASCII — skipped) and `env` — literals with `$(VAR)` expansion, `valueFrom` ConfigMap and Secret keys, the
 * downward API (`fieldRef`, `resourceFieldRef`). Missing optional sources are left out; missing required ones too
 * (the kubelet does not start such a container: see `containerConfigError`).
 */
export function podEnv(view: Pick<PodView, 'store' | 'registry'>, pod: KubeObject, containerName: string) {
  const container = podContainer(pod, containerName) ?? {};
  const namespace = pod.metadata.namespace ?? 'default';
  const spec = (pod.spec ?? {}) as Json;
  const hostname = String(spec.hostname ?? pod.metadata.name ?? '');
  const defined: Record<string, string> = {};
  for (const from of list(container.envFrom)) {
    const cm = from.configMapRef as Json | undefined;
    const secret = from.secretRef as Json | undefined;
    const data = cm
      ? sourceData(view, 'ConfigMap', namespace, String(cm.name ?? ''))
      : secret
        ? sourceData(view, 'Secret', namespace, String(secret.name ?? ''))
        : undefined;
    const prefix = String(from.prefix ?? '');
    for (const [k, v] of Object.entries(data ?? {})) if (ENV_NAME.test(prefix + k)) defined[prefix + k] = v;
  }
  const links = serviceLinks(view, pod);
  for (const e of list(container.env)) {
    if (typeof e.name !== 'string') continue;
    const value = envValue(view, pod, container, e, { ...links, ...defined });
    if (value !== undefined) defined[e.name] = value;
  }
  return { ...IMAGE_ENV, HOSTNAME: hostname, HOME: '/root', ...links, ...defined } as Record<string, string>;
}

function envValue(
  view: Pick<PodView, 'store' | 'registry'>,
  pod: KubeObject,
  container: Json,
  e: Json,
  known: Record<string, string>,
): string | undefined {
  if (e.valueFrom === undefined) return expandReferences(String(e.value ?? ''), known);
  const from = e.valueFrom as Json;
  const namespace = pod.metadata.namespace ?? 'default';
  const key = (ref: Json | undefined, kind: 'ConfigMap' | 'Secret') =>
    ref ? sourceData(view, kind, namespace, String(ref.name ?? ''))?.[String(ref.key ?? '')] : undefined;
  if (from.configMapKeyRef) return key(from.configMapKeyRef as Json, 'ConfigMap');
  if (from.secretKeyRef) return key(from.secretKeyRef as Json, 'Secret');
  if (from.fieldRef || from.resourceFieldRef) return downwardValue(view, pod, from, container);
  return undefined;
}
