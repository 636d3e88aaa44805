import { type Analyzer, err, InputError, ok, type Result } from '@opspilot/core';

/** Short names accepted by `--filter`, as kubectl knows them. */
const ALIASES: Record<string, string> = {
  po: 'pod',
  pods: 'pod',
  deploy: 'deployment',
  deployments: 'deployment',
  rs: 'replicaset',
  sts: 'statefulset',
  ds: 'daemonset',
  svc: 'service',
  services: 'service',
  ing: 'ingress',
  pvc: 'persistentvolumeclaim',
  cj: 'cronjob',
  no: 'node',
  nodes: 'node',
  hpa: 'horizontalpodautoscaler',
  pdb: 'poddisruptionbudget',
  netpol: 'networkpolicy',
  cm: 'configmap',
  ev: 'event',
  events: 'event',
  quota: 'resourcequota',
};

/**
 * The analyzers a `--filter` keeps: each term names a kind (`Pod`, `svc`, `pvc`; the analyzer's first kind is
 * the one it reports on) or an analyzer id (`pod-crash-loop`), case-insensitively. No terms keeps all. An unknown
 * term is an `InputError` listing the accepted ones.
 */
export function selectAnalyzers(
  all: readonly Analyzer[],
  filter: readonly string[] = [],
): Result<Analyzer[], InputError> {
  const terms = filter.map((t) => t.trim().toLowerCase()).filter(Boolean);
  if (terms.length === 0) return ok([...all]);
  const selected = new Set<Analyzer>();
  for (const term of terms) {
    const kind = ALIASES[term] ?? term;
    const matching = all.filter((a) => a.id === term || a.kinds[0]?.toLowerCase() === kind);
    if (matching.length === 0) {
      const kinds = [...new Set(all.map((a) => a.kinds[0]))].join(', ');
      return err(
        new InputError(`--filter: unknown kind or analyzer "${term}"`, {
          hint: `use kinds (${kinds}) or analyzer ids`,
        }),
      );
    }
    for (const a of matching) selected.add(a);
  }
  return ok(all.filter((a) => selected.has(a)));
}

/** Kinds listed with pods so that findings and fixes name the workload that owns a pod. */
const OWNER_KINDS = ['ReplicaSet', 'Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'];

/**
 * Every kind the analyzers read: what a snapshot for them must list. Pods bring their owners' kinds, so a fix
 * targets the Deployment rather than a pod its ReplicaSet would replace.
 */
export function kindsFor(analyzers: readonly Analyzer[]): string[] {
  const kinds = new Set(analyzers.flatMap((a) => a.kinds));
  if (kinds.has('Pod')) for (const k of OWNER_KINDS) kinds.add(k);
  return [...kinds];
}
