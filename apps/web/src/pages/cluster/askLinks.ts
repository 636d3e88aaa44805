/** Where an object of the browser lives. */
export interface BrowserRef {
  kind: string;
  name: string;
  namespace?: string;
}

/** The Ask page, prefilled with `request` for `clusterId` (the request is only typed in, never sent). */
export function askPath(clusterId: string, request: string): string {
  return `/ask?${new URLSearchParams({ cluster: clusterId, request }).toString()}`;
}

function where(ref: BrowserRef): string {
  return ref.namespace ? ` in namespace ${ref.namespace}` : '';
}

/**
 * The usual next step for an object, as a request the planner understands: restart a workload, read a pod's logs,
 * list a namespace's pods, describe anything else.
 */
export function objectRequest(ref: BrowserRef): string {
  const kind = ref.kind.toLowerCase();
  switch (ref.kind) {
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
      return `restart ${kind} ${ref.name}${where(ref)}`;
    case 'Pod':
      return `show logs of pod ${ref.name}${where(ref)}`;
    case 'Namespace':
      return `show pods in namespace ${ref.name}`;
    default:
      return `describe ${kind} ${ref.name}${where(ref)}`;
  }
}

/** A finding as a request: its fix's command, else the fix described, else the problem to fix. */
export function findingRequest(finding: {
  message: string;
  proposedFix?: { description: string; command?: string } | undefined;
}): string {
  return finding.proposedFix?.command ?? finding.proposedFix?.description ?? `fix: ${finding.message}`;
}
