import { containerProcess } from '../controllers/containerProcess.js';
import type { ImageProfile } from '../controllers/imageCatalog.js';
import { imageRegistryOf } from '../controllers/imageRegistry.js';
import type { ApiContext } from '../server/apiContext.js';
import type { KubeObject } from '../store/kubeObject.js';
import { decideConnection, type NetworkPolicyLike, type PodEnd } from './reachability.js';

type Json = Record<string, unknown>;

const list = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);

/** A process listening on a port of a pod: the container and its image's facts. */
export interface Listener {
  pod: KubeObject;
  container: Json;
  profile: ImageProfile;
}

/**
 * How a TCP connection from a pod ends: connected to a listening process, refused (nothing listens, or a Service
 * without ready endpoints), dropped (a NetworkPolicy denies it, or no route: the client times out), or the name
 * did not resolve (`dnsDropped` when an egress policy blocks DNS itself).
 */
export type Dial =
  | { kind: 'connected'; ip: string; port: number; listener: Listener }
  | { kind: 'refused'; ip: string; port: number }
  | { kind: 'dropped'; ip: string; port: number; reason: string }
  | { kind: 'unresolved'; dnsDropped: boolean };

/** The cluster's DNS service as pods reach it (CoreDNS pods in kube-system, labelled `k8s-app: kube-dns`). */
const CLUSTER_DNS: PodEnd = {
  namespace: 'kube-system',
  labels: { 'k8s-app': 'kube-dns' },
  ip: '10.244.0.2',
  ports: [
    { name: 'dns', containerPort: 53, protocol: 'UDP' },
    { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
  ],
};
const ROUND_ROBIN = new WeakMap<object, Map<string, number>>();

function isIp(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host);
}

/** The network as seen from one pod: DNS names and addresses resolved through Services, endpoints and policies. */
export class PodNetwork {
  constructor(
    private readonly ctx: Pick<ApiContext, 'store' | 'registry'>,
    private readonly from: KubeObject,
  ) {}

  private type(plural: string, group = '') {
    return this.ctx.registry.find(group, 'v1', plural)!;
  }

  private end(pod: KubeObject): PodEnd {
    return {
      namespace: pod.metadata.namespace ?? 'default',
      labels: pod.metadata.labels ?? {},
      ip: (pod.status as Json | undefined)?.podIP as string | undefined,
      ports: list((pod.spec as Json | undefined)?.containers).flatMap((c) =>
        list(c.ports).map((p) => ({
          name: p.name as string | undefined,
          containerPort: Number(p.containerPort),
          protocol: (p.protocol as string | undefined) ?? 'TCP',
        })),
      ),
    };
  }

  private policies(): NetworkPolicyLike[] {
    return this.ctx.store.list(this.type('networkpolicies', 'networking.k8s.io')).items as NetworkPolicyLike[];
  }

  private namespaceLabels = (name: string) =>
    this.ctx.store.find(this.type('namespaces'), undefined, name)?.metadata.labels;

  /** Whether an egress policy of the pod stops its DNS queries (UDP 53 to the cluster DNS). */
  dnsBlocked(): boolean {
    const verdict = decideConnection(
      { from: this.end(this.from), to: CLUSTER_DNS, port: 53, protocol: 'UDP' },
      this.policies().filter((p) => (p.metadata.namespace ?? 'default') !== 'kube-system'),
      this.namespaceLabels,
    );
    return !verdict.allowed;
  }

  /**
   * The address a name resolves to through the pod's DNS search path (`svc`, `svc.ns`, `svc.ns.svc`,
   * `svc.ns.svc.cluster.local`, `pod.svc.ns…` for StatefulSet pods of a headless Service, `localhost`), or an IP
   * as is; undefined for names the cluster does not know (no upstream resolver is simulated).
   */
  resolve(host: string): string | undefined {
    const name = host.toLowerCase().replace(/\.$/, '');
    if (isIp(name)) return name;
    if (name === 'localhost') return '127.0.0.1';
    const namespace = this.from.metadata.namespace ?? 'default';
    const labels = name
      .replace(/\.cluster\.local$/, '')
      .replace(/\.svc$/, '')
      .split('.');
    const services = this.type('services');
    const pods = this.type('pods');
    const svcAddress = (svcName: string, ns: string): string | undefined => {
      const svc = this.ctx.store.find(services, ns, svcName);
      if (!svc) return undefined;
      const spec = svc.spec as Json;
      if (spec.type === 'ExternalName') return undefined;
      if (spec.clusterIP && spec.clusterIP !== 'None') return String(spec.clusterIP);
      return this.readyAddresses(svc)[0]?.ip;
    };
    if (labels.length === 1) return svcAddress(labels[0]!, namespace);
    if (labels.length === 2) return svcAddress(labels[0]!, labels[1]!);
    if (labels.length === 3) {
      const [podHost, svcName, ns] = labels as [string, string, string];
      const pod = this.ctx.store
        .list(pods, { namespace: ns })
        .items.find(
          (p) =>
            (p.spec as Json).subdomain === svcName && String((p.spec as Json).hostname ?? p.metadata.name) === podHost,
        );
      return (pod?.status as Json | undefined)?.podIP as string | undefined;
    }
    return undefined;
  }

  private readyAddresses(svc: KubeObject): { ip: string; pod?: string; ports: Json[] }[] {
    const ep = this.ctx.store.find(this.type('endpoints'), svc.metadata.namespace, svc.metadata.name);
    return list(ep?.subsets).flatMap((s) =>
      list(s.addresses).map((a) => ({
        ip: String(a.ip),
        pod: (a.targetRef as Json | undefined)?.name as string | undefined,
        ports: list(s.ports),
      })),
    );
  }

  private podByIp(ip: string): KubeObject | undefined {
    return this.ctx.store
      .list(this.type('pods'))
      .items.find((p) => (p.status as Json | undefined)?.podIP === ip && !p.metadata.deletionTimestamp);
  }

  /** The process of `pod` listening on `port`, if any (a container running its image's server). */
  listener(pod: KubeObject, port: number): Listener | undefined {
    const statuses = list((pod.status as Json | undefined)?.containerStatuses);
    for (const container of list((pod.spec as Json | undefined)?.containers)) {
      const running = statuses.find((s) => s.name === container.name && (s.state as Json | undefined)?.running);
      if (!running) continue;
      const profile = imageRegistryOf(this.ctx.store).lookup(String(container.image));
      if (!profile || containerProcess(container, profile).kind !== 'default') continue;
      const declared = list(container.ports).map((p) => Number(p.containerPort));
      const ports = profile.ports.length > 0 ? profile.ports : declared;
      if (ports.includes(port)) return { pod, container, profile };
    }
    return undefined;
  }

  /** Opens a TCP connection to `ip:port` from the pod, as kube-proxy and an enforcing CNI would route it. */
  dial(ip: string, port: number): Dial {
    let target: KubeObject | undefined;
    let targetPort = port;
    if (ip === '127.0.0.1') target = this.from;
    else {
      const service = this.ctx.store
        .list(this.type('services'))
        .items.find((s) => (s.spec as Json).clusterIP === ip && ip !== 'None');
      if (service) {
        const servicePort = list((service.spec as Json).ports).find(
          (p) => Number(p.port) === port && ((p.protocol as string | undefined) ?? 'TCP') === 'TCP',
        );
        if (!servicePort) return { kind: 'dropped', ip, port, reason: 'the Service has no such port' };
        const addresses = this.readyAddresses(service);
        if (addresses.length === 0) return { kind: 'refused', ip, port };
        const turns = ROUND_ROBIN.get(this.ctx.store) ?? new Map<string, number>();
        ROUND_ROBIN.set(this.ctx.store, turns);
        const turn = turns.get(service.metadata.uid ?? '') ?? 0;
        turns.set(service.metadata.uid ?? '', turn + 1);
        const chosen = addresses[turn % addresses.length]!;
        const epPort = chosen.ports.find((p) => (p.name ?? '') === (servicePort.name ?? ''));
        targetPort = epPort?.port !== undefined ? Number(epPort.port) : Number(servicePort.targetPort ?? port);
        target = this.podByIp(chosen.ip);
      } else target = this.podByIp(ip);
      if (!target) return { kind: 'dropped', ip, port, reason: 'no route to the address' };
      const verdict = decideConnection(
        { from: this.end(this.from), to: this.end(target), port: targetPort },
        this.policies(),
        this.namespaceLabels,
      );
      if (!verdict.allowed)
        return {
          kind: 'dropped',
          ip,
          port,
          reason: `${verdict.direction} denied by NetworkPolicy ${verdict.isolatedBy.join(', ')}`,
        };
    }
    const listener = this.listener(target, targetPort);
    return listener ? { kind: 'connected', ip, port, listener } : { kind: 'refused', ip, port };
  }

  /** Resolves `host` (when a name) and dials it. */
  connect(host: string, port: number): Dial {
    if (!isIp(host) && host !== 'localhost' && this.dnsBlocked()) return { kind: 'unresolved', dnsDropped: true };
    const ip = this.resolve(host);
    if (!ip) return { kind: 'unresolved', dnsDropped: false };
    return this.dial(ip, port);
  }
}
