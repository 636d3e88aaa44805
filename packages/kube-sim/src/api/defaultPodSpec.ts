type Json = Record<string, unknown>;

const list = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

function defaultProbe(probe: unknown): void {
  if (!isObject(probe)) return;
  probe.timeoutSeconds ??= 1;
  probe.periodSeconds ??= 10;
  probe.successThreshold ??= 1;
  probe.failureThreshold ??= 3;
  if (isObject(probe.httpGet)) probe.httpGet.scheme ??= 'HTTP';
}

/**
 * `Always` for `:latest` or no tag, `IfNotPresent` otherwise (digests included), as the API server defaults it.
 * @see https://kubernetes.io/docs/concepts/containers/images/#imagepullpolicy-defaulting
 */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  if (image.includes('@')) return 'IfNotPresent';
  const last = image.split('/').pop() ?? '';
  const tag = last.includes(':') ? last.slice(last.lastIndexOf(':') + 1) : '';
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultContainer(container: Json): void {
  container.imagePullPolicy ??= defaultPullPolicy(String(container.image ?? ''));
  container.terminationMessagePath ??= '/dev/termination-log';
  container.terminationMessagePolicy ??= 'File';
  container.resources ??= {};
  for (const port of list(container.ports)) port.protocol ??= 'TCP';
  for (const env of list(container.env)) {
    const fieldRef = isObject(env.valueFrom) ? env.valueFrom.fieldRef : undefined;
    if (isObject(fieldRef)) fieldRef.apiVersion ??= 'v1';
  }
  defaultProbe(container.livenessProbe);
  defaultProbe(container.readinessProbe);
  defaultProbe(container.startupProbe);
}

function defaultVolume(volume: Json): void {
  for (const key of ['configMap', 'secret', 'projected', 'downwardAPI']) {
    const source = volume[key];
    if (isObject(source)) source.defaultMode ??= 420;
  }
  if (isObject(volume.hostPath)) volume.hostPath.type ??= '';
}

/**
 * Pod-spec defaults, as the API server applies them to pods and to every pod template (deployments, jobs, …):
 * restart and DNS policy, grace period, scheduler, container pull policy, termination message, port protocol,
 * probe timings, volume modes.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/
 */
export function defaultPodSpec(spec: Json): void {
  spec.restartPolicy ??= 'Always';
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.schedulerName ??= 'default-scheduler';
  spec.securityContext ??= {};
  for (const c of [...list(spec.initContainers), ...list(spec.containers)]) defaultContainer(c);
  for (const v of list(spec.volumes)) defaultVolume(v);
}

/**
 * What the API server adds to a pod (not a template) at admission: the `default` service account, service links,
 * priority, the 300 s tolerations of not-ready and unreachable nodes, and a request equal to the limit for every
 * resource a container limits without requesting.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/#defaulttolerationseconds
 */
export function admitPodSpec(spec: Json): void {
  spec.serviceAccountName ??= spec.serviceAccount ?? 'default';
  spec.serviceAccount ??= spec.serviceAccountName;
  spec.enableServiceLinks ??= true;
  spec.priority ??= 0;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
  const tolerations = list(spec.tolerations);
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    // As the DefaultTolerationSeconds plugin: only a toleration that covers this key (or every key) for NoExecute
    // (or every effect) counts; a NoSchedule toleration of the same key still gets the default.
    const covers = (t: Json) =>
      (t.key === key || t.key === undefined || t.key === '') &&
      (t.effect === 'NoExecute' || t.effect === undefined || t.effect === '');
    if (!tolerations.some(covers)) {
      tolerations.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
    }
  }
  spec.tolerations = tolerations;
  for (const c of [...list(spec.initContainers), ...list(spec.containers)]) {
    const resources = isObject(c.resources) ? c.resources : undefined;
    if (!resources || !isObject(resources.limits)) continue;
    const requests = isObject(resources.requests) ? resources.requests : {};
    for (const [name, value] of Object.entries(resources.limits)) requests[name] ??= value;
    if (Object.keys(requests).length > 0) resources.requests = requests;
  }
}

/**
 * A pod's QoS class from its containers' requests and limits: Guaranteed when every container limits CPU and
 * memory with requests equal to limits, BestEffort when nothing is requested or limited, Burstable otherwise.
 * @see https://kubernetes.io/docs/concepts/workloads/pods/pod-qos/
 */
export function qosClassOf(spec: Json): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers = [...list(spec.initContainers), ...list(spec.containers)];
  let any = false;
  let guaranteed = containers.length > 0;
  for (const c of containers) {
    const resources = isObject(c.resources) ? c.resources : {};
    const limits = (isObject(resources.limits) ? resources.limits : {}) as Json;
    const requests = { ...limits, ...((isObject(resources.requests) ? resources.requests : {}) as Json) };
    if (Object.keys(limits).length > 0 || Object.keys(requests).length > 0) any = true;
    for (const r of ['cpu', 'memory']) {
      if (limits[r] === undefined || String(requests[r]) !== String(limits[r])) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
