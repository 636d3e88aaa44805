import type { ClusterGateway, KubeObject } from '@opspilot/core';

/** `total-vm:921600kB` in the kernel's OOM report: the memory the killed process had mapped (what it asked for). */
const TOTAL_VM = /total-vm:(\d+)kB/;

/** What the kernel's report of the kill says the process needed, and where that was read. */
export interface KillNeed {
  bytes: number;
  source: string;
}

/**
 * The memory the workload's killed processes needed, read from the kernel's OOM reports on their nodes
 * (`OOMKilling` events of the node problem detector's kernel monitor, `total-vm` of the killed process): an OOM kill
 * at the limit leaves no usage above the limit in the metrics, while the report keeps how much the process had
 * mapped. The largest among the workload's pods; undefined when no report names them.
 * @see https://kubernetes.io/docs/tasks/debug/debug-cluster/monitor-node-health/
 */
export async function oomKillNeed(
  gateway: ClusterGateway,
  pod: KubeObject,
  workload: KubeObject,
): Promise<KillNeed | undefined> {
  const nodeName = (pod.spec as { nodeName?: string } | undefined)?.nodeName;
  if (!nodeName) return undefined;
  let events: KubeObject[];
  try {
    events = await gateway.events({ involved: { kind: 'Node', name: nodeName } });
  } catch {
    return undefined;
  }
  const ns = pod.metadata.namespace;
  const mine = (text: string) =>
    text.includes(`in pod ${ns}/${pod.metadata.name}`) || text.includes(`in pod ${ns}/${workload.metadata.name}-`);
  let best: KillNeed | undefined;
  for (const event of events) {
    const e = event as { reason?: string; message?: string };
    if (e.reason !== 'OOMKilling' || !e.message || !mine(e.message)) continue;
    const kb = Number(TOTAL_VM.exec(e.message)?.[1]);
    if (!Number.isFinite(kb) || kb <= 0) continue;
    if (!best || kb * 1024 > best.bytes) best = { bytes: kb * 1024, source: `event/node/${nodeName} OOMKilling` };
  }
  return best;
}
