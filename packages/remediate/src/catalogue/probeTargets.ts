import type { ClusterGateway, KubeObject } from '@opspilot/core';
import type { Revision } from '../cluster/deploymentRevisions.js';
import type { Container, Probe } from '../cluster/kubeShapes.js';
import { repositoryOf } from './runningImages.js';

/** The probes a fix can change. */
export type ProbeField = 'readinessProbe' | 'livenessProbe' | 'startupProbe';

/** A probe target shown to answer, with why it is believed to. */
export interface ProbeTarget {
  probe: Probe;
  why: string;
  source: string;
  confidence: number;
}

const sameTarget = (a: Probe, b: Probe) =>
  JSON.stringify(a.httpGet ?? a.tcpSocket ?? a.exec) === JSON.stringify(b.httpGet ?? b.tcpSocket ?? b.exec);

const keepTiming = (probe: Probe, target: Pick<Probe, 'httpGet' | 'tcpSocket'>): Probe => {
  const { httpGet: _h, tcpSocket: _t, exec: _e, grpc: _g, ...timing } = probe;
  return { ...timing, ...target };
};

/**
 * Where a failing probe should point, best first, each from evidence the cluster holds: the same probe of the last
 * revision whose pods were ready; another probe of the container that passes (its path answers); the same probe of
 * ready containers running the same image elsewhere; the container's declared port when the probe asks a port it does
 * not declare; and last a TCP check of the declared port (weaker: it proves only that the port listens).
 */
export async function probeTargets(
  gateway: ClusterGateway,
  options: {
    field: ProbeField;
    container: Container;
    /** The pod's status says the container is running and its other probes do not fail. */
    otherProbesPass: boolean;
    lastWorking?: Revision;
  },
): Promise<ProbeTarget[]> {
  const { field, container } = options;
  const failing = container[field];
  if (!failing) return [];
  const found: ProbeTarget[] = [];
  const add = (target: ProbeTarget) => {
    if (!sameTarget(target.probe, failing) && !found.some((f) => sameTarget(f.probe, target.probe))) found.push(target);
  };
  const previous = options.lastWorking?.template.spec.containers.find((c) => c.name === container.name)?.[field];
  if (previous && options.lastWorking && options.lastWorking.readyReplicas > 0) {
    add({
      probe: previous,
      why: `revision ${options.lastWorking.revision}, whose pods are ready, probes ${describe(previous)}`,
      source: `replicaset/${options.lastWorking.replicaSet.metadata.namespace}/${options.lastWorking.replicaSet.metadata.name}`,
      confidence: 0.85,
    });
  }
  if (options.otherProbesPass) {
    for (const other of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
      const probe = container[other];
      if (other === field || !probe?.httpGet) continue;
      add({
        probe: keepTiming(failing, { httpGet: probe.httpGet }),
        why: `the container's ${other} on ${describe(probe)} passes`,
        source: `containers[${container.name}].${other}`,
        confidence: 0.75,
      });
    }
  }
  const declared = container.ports ?? [];
  const port = failing.httpGet?.port ?? failing.tcpSocket?.port;
  const knows = (p: number | string | undefined) =>
    declared.some((d) => d.containerPort === p || (d.name && d.name === p));
  const main = declared.find((d) => d.name === 'http') ?? declared[0];
  if (main && port !== undefined && !knows(port)) {
    const target = failing.httpGet
      ? { httpGet: { ...failing.httpGet, port: main.containerPort } }
      : { tcpSocket: { port: main.containerPort } };
    add({
      probe: keepTiming(failing, target),
      why: `the probe asks port ${port}, which the container does not declare; it declares ${main.containerPort}`,
      source: `containers[${container.name}].ports`,
      confidence: 0.8,
    });
  }
  for (const peer of await peersWithPassingProbe(gateway, container.image ?? '', field)) {
    add({
      probe: keepTiming(failing, { httpGet: peer.httpGet! }),
      why: `ready pods running ${repositoryOf(container.image ?? '')} pass the same probe on ${describe(peer)}`,
      source: peer.source,
      confidence: 0.7,
    });
  }
  if (main) {
    add({
      probe: keepTiming(failing, { tcpSocket: { port: main.containerPort } }),
      why: `a TCP check of the declared port ${main.containerPort} (proves it listens, not that the app is healthy)`,
      source: `containers[${container.name}].ports`,
      confidence: 0.4,
    });
  }
  return found;
}

type Peer = Probe & { source: string };

async function peersWithPassingProbe(gateway: ClusterGateway, image: string, field: ProbeField): Promise<Peer[]> {
  if (!image) return [];
  const repository = repositoryOf(image);
  const peers: Peer[] = [];
  for (const pod of await gateway.list('Pod')) {
    const statuses = ((pod as KubeObject & { status?: { containerStatuses?: { name: string; ready?: boolean }[] } })
      .status?.containerStatuses ?? []) as { name: string; ready?: boolean; restartCount?: number }[];
    const containers = ((pod.spec as { containers?: Container[] } | undefined)?.containers ?? []) as Container[];
    for (const c of containers) {
      const s = statuses.find((x) => x.name === c.name);
      const probe = c[field];
      if (!s?.ready || !probe?.httpGet || !c.image || repositoryOf(c.image) !== repository) continue;
      if (field === 'livenessProbe' && (s.restartCount ?? 0) > 0) continue;
      peers.push({ ...probe, source: `pod/${pod.metadata.namespace}/${pod.metadata.name}` });
    }
  }
  return peers;
}

function describe(probe: Probe): string {
  if (probe.httpGet) return `HTTP GET ${probe.httpGet.path ?? '/'} on port ${probe.httpGet.port}`;
  if (probe.tcpSocket) return `TCP port ${probe.tcpSocket.port}`;
  return 'exec';
}
