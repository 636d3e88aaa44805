/**
 * The workload a pod name belongs to, by the controllers' naming: `backend-7d9f8c6b5d-x2k4q` (Deployment) and
 * `agent-x2k4q` (DaemonSet, Job) lose their generated suffixes (Kubernetes' vowel-free alphabet, so `node-agent`
 * keeps its last word), `db-0` (StatefulSet) its ordinal.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#pod-template-hash-label
 */
export function workloadOfPod(pod: string): string {
  const deployment = /^(.+)-[bcdfghjklmnpqrstvwxz2456789]{6,10}-[bcdfghjklmnpqrstvwxz2456789]{5}$/.exec(pod);
  if (deployment) return deployment[1]!;
  const ordinal = /^(.+)-\d+$/.exec(pod);
  if (ordinal) return ordinal[1]!;
  const generated = /^(.+)-[bcdfghjklmnpqrstvwxz2456789]{5}$/.exec(pod);
  return generated ? generated[1]! : pod;
}
