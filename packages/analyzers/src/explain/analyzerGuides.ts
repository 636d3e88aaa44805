/** What a kind of finding usually means and what to look at first, for the offline explanation. */
export interface AnalyzerGuide {
  /** The usual causes, in one or two sentences. */
  cause: string;
  /** What to check or do first. */
  check: string;
}

/** One guide per built-in analyzer id (a test checks none is missing). */
export const ANALYZER_GUIDES: Readonly<Record<string, AnalyzerGuide>> = {
  'node-not-ready': {
    cause:
      'The kubelet stopped reporting (node down, kubelet or container runtime crashed, network partition) or reports a runtime/network problem.',
    check:
      'Look at the Ready condition message and the kubelet logs on the node; pods there are evicted after the not-ready toleration (5 minutes by default).',
  },
  'node-pressure': {
    cause:
      'The node is short of memory, disk or process ids, usually because some pods use far more than they request.',
    check:
      'Find the heaviest pods on the node and give them requests and limits; clean images or logs for disk pressure.',
  },
  'node-unschedulable': {
    cause: 'Someone cordoned the node (kubectl cordon or drain), typically for maintenance.',
    check: 'Uncordon it when maintenance is done; otherwise capacity stays reduced.',
  },
  'pod-image-pull': {
    cause:
      'The image reference is wrong (tag or repository does not exist, typo) or the registry requires credentials the pod does not have.',
    check: 'Compare the image with what the registry holds; for 401/403 errors add an imagePullSecret.',
  },
  'pod-crash-loop': {
    cause:
      'The main process exits soon after starting: a bad command, missing configuration or environment, or a dependency (database, API) it cannot reach.',
    check:
      'Read the previous run’s log (kubectl logs --previous) and the exit code; roll back if a recent change caused it.',
  },
  'pod-oom-killed': {
    cause: 'The container used more memory than its limit and the kernel killed it (exit code 137).',
    check: 'Raise the memory limit to the real working set, or look for a leak if usage grows without bound.',
  },
  'pod-unschedulable': {
    cause:
      'No node satisfies the pod: requests larger than any node’s free capacity, node selectors or affinity no node matches, taints without tolerations, or volumes that cannot bind.',
    check: 'Read the scheduler’s FailedScheduling message: it counts the nodes rejected for each reason.',
  },
  'pod-readiness-probe': {
    cause:
      'The readiness probe asks for a path or port the application does not answer, or the application is up but unhealthy.',
    check: 'Call the probe endpoint by hand; while the pod is unready, Services send it no traffic.',
  },
  'pod-liveness-probe': {
    cause:
      'The liveness probe fails (wrong path or port, or too little time for a slow start), so the kubelet kills and restarts the container.',
    check: 'Make the probe target something the app serves and give it enough initialDelaySeconds or a startupProbe.',
  },
  'pod-restart-storm': {
    cause: 'The process crashes from time to time: unhandled errors, failing dependencies, or resource limits.',
    check: 'Read the log of the run before the last restart and correlate the restarts with load or deployments.',
  },
  'pod-init-container': {
    cause:
      'An init container (migration, wait-for dependency, file preparation) fails, so the main containers never start.',
    check: 'Read the init container’s own log with kubectl logs -c <init container>.',
  },
  'pod-container-config': {
    cause:
      'The kubelet cannot create the container: a referenced ConfigMap, Secret or key is missing, or the command does not exist in the image.',
    check: 'The waiting message names the missing object or the failing command.',
  },
  'pod-evicted': {
    cause: 'The kubelet evicted the pod to relieve node pressure (memory, disk) or because the node was drained.',
    check: 'Set requests close to real usage so the pod is not evicted first, and delete the failed pod objects.',
  },
  'deployment-unavailable': {
    cause:
      'Fewer replicas are available than desired: its pods fail to start, crash, stay unready or cannot be scheduled.',
    check: 'The grouped pod findings name the cause; kubectl describe on the pods shows their events.',
  },
  'deployment-rollout-stuck': {
    cause:
      'The new ReplicaSet made no progress within progressDeadlineSeconds, usually because the new pods fail, or pod creation is refused (quota, admission).',
    check: 'Roll back with kubectl rollout undo, then fix the new template.',
  },
  'replicaset-create-failed': {
    cause:
      'The API server refuses to create the pods: an exceeded ResourceQuota, an admission policy, or a missing ServiceAccount.',
    check: 'The FailedCreate event quotes the refusal.',
  },
  'statefulset-unavailable': {
    cause:
      'StatefulSet pods start one at a time, so one failing pod blocks all the next ones; or its governing headless Service is missing.',
    check: 'Look at the lowest-ordinal pod that is not ready, and at its PersistentVolumeClaim.',
  },
  'daemonset-unavailable': {
    cause:
      'Some nodes lack a ready pod of the DaemonSet: image or crash problems on those nodes, taints not tolerated, or insufficient resources.',
    check: 'Compare the nodes with and without a ready pod.',
  },
  'service-no-endpoints': {
    cause: 'The Service selects pods but none is ready, so every connection to it fails.',
    check: 'Fix the pods first (see the grouped pod findings); the endpoints come back by themselves.',
  },
  'service-selector-no-match': {
    cause: 'The selector has a typo, or the workload it pointed at was renamed or removed.',
    check: 'Compare the selector with kubectl get pods --show-labels in the namespace.',
  },
  'service-target-port': {
    cause: 'The Service forwards to a port (or port name) the containers do not declare, so connections are refused.',
    check: 'Set targetPort to the containerPort the application listens on.',
  },
  'ingress-backend-missing': {
    cause: 'The Ingress routes to a Service or port that does not exist, so the controller answers 503.',
    check: 'Point the backend at an existing Service and one of its ports.',
  },
  'ingress-class-missing': {
    cause: 'No installed ingress controller claims the Ingress, so no route is programmed.',
    check: 'Set ingressClassName to an existing IngressClass, or mark one as the default.',
  },
  'ingress-tls-secret-missing': {
    cause:
      'The TLS Secret for the host is missing or not a TLS Secret; the controller serves its default certificate instead.',
    check: 'Create the kubernetes.io/tls Secret (or check the certificate issuer that should create it).',
  },
  'pvc-storage-class-missing': {
    cause:
      'The claim asks for a StorageClass that does not exist (or for none where there is no default), so no volume is ever provisioned.',
    check: 'Recreate the claim with an existing StorageClass, or create the missing class.',
  },
  'pvc-pending': {
    cause:
      'The provisioner failed (quota, zone, driver) or no PersistentVolume matches the claim’s size, access mode and class.',
    check: 'Read the ProvisioningFailed or FailedBinding events of the claim.',
  },
  'job-failed': {
    cause: 'The Job’s pods failed more often than backoffLimit allows, or it ran past activeDeadlineSeconds.',
    check: 'Read the failed pods’ logs; delete and recreate the Job once fixed.',
  },
  'cronjob-invalid-schedule': {
    cause: 'The schedule is not valid cron syntax, so the controller never starts a run.',
    check: 'Use five fields: minute hour day-of-month month day-of-week.',
  },
  'storageclass-multiple-defaults': {
    cause:
      'Two StorageClasses carry the is-default-class annotation, typically after a CSI driver or a cloud add-on installed its own default.',
    check: 'Keep one default and set the annotation to false on the others.',
  },
  'pod-failed': {
    cause:
      'A pod created directly (no Job, no controller) ran to completion with an error exit code; nothing retries it.',
    check: 'Read its log, fix the cause, and run such work as a Job so failures are retried and visible.',
  },
  'job-suspended': {
    cause:
      'spec.suspend is true on an unfinished Job (set by hand or by a queueing controller such as Kueue), so none of its pods run.',
    check: 'Resume it if nothing is meant to hold it back; with a queue, check why it was not admitted.',
  },
  'configmap-empty': {
    cause:
      'The ConfigMap was created without data (a failed render, a wrong --from-file path) while pods mount or read it.',
    check: 'Fill it with the configuration the pods expect and restart them.',
  },
  'configmap-oversized': {
    cause:
      'Large files (datasets, dashboards, certificates bundles) were put in a ConfigMap, close to the 1 MiB object limit.',
    check: 'Move the content to a volume or image, or split it.',
  },
  'pod-scheduling-gated': {
    cause:
      'A scheduling gate set at creation (by a queue or quota controller) was never removed, so the scheduler ignores the pod.',
    check:
      'Find the controller named in the gate and why it holds the pod; remove the gate only if the controller is gone.',
  },
  'pod-lifecycle-hook': {
    cause: 'A postStart or preStop hook runs a command or HTTP call that fails (missing script, wrong port).',
    check: 'Fix the hook in the pod template or remove it; a failing postStart kills the container.',
  },
  'pod-image-inspect': {
    cause:
      'The runtime pulled the image but cannot read it: a corrupt layer, a full image filesystem or an image for another platform.',
    check: 'Remove the image on the node so it is pulled again, or build it for the node platform.',
  },
  'pv-unavailable': {
    cause:
      'The claim of a Retain volume was deleted (Released), or the automatic delete/recycle of the volume failed (Failed).',
    check: 'Back up or remove the data, then clear claimRef to reuse the volume, or delete it.',
  },
  'pvc-lost': {
    cause: 'The PersistentVolume the claim was bound to was deleted or vanished from the storage backend.',
    check: 'Restore the volume under the same name or recreate the claim from a backup.',
  },
  'hpa-scaling-inactive': {
    cause:
      'The autoscaler cannot compute a replica count: metrics are missing (metrics-server or adapter down, no requests), the selector is invalid or the target is at zero.',
    check: 'Read the ScalingActive condition message and fix what it names.',
  },
  'node-problem-condition': {
    cause:
      'node-problem-detector (or a similar agent) found a kernel, filesystem or runtime problem the kubelet does not report.',
    check: 'Check the node system logs; drain and repair nodes with deadlocks or read-only filesystems.',
  },
  'rbac-subject-namespace-missing': {
    cause:
      'A binding names a ServiceAccount in a namespace that does not exist: a typo, or a namespace that was deleted or renamed.',
    check: 'Fix the subject namespace to where the workload runs, or delete the stale subject.',
  },
  'service-loadbalancer-pending': {
    cause:
      'No load-balancer implementation serves the cluster (bare metal or kind without MetalLB), or the cloud controller fails to create one.',
    check: 'Install a load-balancer controller or use NodePort/Ingress; with a controller, read its events.',
  },
  'pod-memory-near-limit': {
    cause:
      'The pod’s working set has grown to its memory limit: the limit was set below the real need, or memory leaks.',
    check:
      'Compare usage with the limit over a day; raise the limit to the real peak or fix the leak before the OOM kill.',
  },
  'workload-http-errors': {
    cause:
      'The workload fails requests: a bad release, a dependency (database, API) that errors or times out, or overload.',
    check: 'Read the error lines of its log around the start of the burst; roll back if a rollout started it.',
  },
  'networkpolicy-blocks-traffic': {
    cause:
      'A default-deny or narrow NetworkPolicy was added without a rule for a client that calls the Service (or with the wrong port or labels).',
    check: 'Add a rule admitting the client pods on the target port; test with a request from a client pod.',
  },
  'gatewayclass-not-accepted': {
    cause: 'No installed Gateway controller answers to the class controllerName, or its parameters are invalid.',
    check: 'Install or start the controller, or set controllerName to the one installed.',
  },
  'gateway-not-programmed': {
    cause:
      'The Gateway names a class that does not exist, or its controller cannot program it (no address, invalid listener or certificate).',
    check: 'Fix gatewayClassName, then read the Accepted and Programmed conditions.',
  },
  'httproute-broken': {
    cause:
      'The route names a Gateway that does not exist or does not admit its namespace, or a backend Service or port that does not exist.',
    check: 'Fix parentRefs or the listener allowedRoutes, and the backendRefs names and ports.',
  },
  'workload-scaled-to-zero': {
    cause:
      'The workload was scaled to 0 (by hand, a script or an autoscaler) while a Service still sends traffic to its pods.',
    check: 'Scale it back up; the Service selector is right, so do not change it.',
  },
  'cronjob-suspended': {
    cause: 'spec.suspend is true, so no run is scheduled.',
    check: 'Resume it if the suspension was not meant to last.',
  },
  'hpa-scale-target-missing': {
    cause: 'The autoscaler names a workload that does not exist (renamed or deleted).',
    check: 'Point scaleTargetRef at the right workload or delete the autoscaler.',
  },
  'hpa-missing-requests': {
    cause:
      'Utilization is a percentage of the request; without requests the autoscaler cannot compute it and never scales.',
    check: 'Set requests for the metric’s resource on every container of the target.',
  },
  'hpa-at-max-replicas': {
    cause: 'Load exceeds what maxReplicas allows, so the workload runs hot.',
    check: 'Raise maxReplicas if the cluster has room, or make each replica handle more.',
  },
  'pdb-no-disruption': {
    cause:
      'The budget allows no eviction: too strict (minAvailable equal to the replica count, maxUnavailable 0) or the selected pods are unhealthy.',
    check: 'Loosen the budget, or fix the unhealthy pods; node drains wait until then.',
  },
  'networkpolicy-no-pods': {
    cause: 'The podSelector matches no pod (a label typo, a renamed app), so the policy protects nothing.',
    check: 'Fix the selector to the labels of the pods to protect.',
  },
  'configmap-missing': {
    cause: 'A pod template references a ConfigMap that does not exist in its namespace.',
    check: 'Create the ConfigMap (or fix the reference); pods start once it exists.',
  },
  'secret-missing': {
    cause: 'A pod template references a Secret that does not exist in its namespace.',
    check: 'Create the Secret (or fix the reference); pods start once it exists.',
  },
  'configmap-unused': {
    cause: 'Nothing in the cluster’s pod specs references this ConfigMap; it may be a leftover.',
    check: 'Delete it unless an application reads it through the API.',
  },
  'secret-unused': {
    cause: 'Nothing references this Secret; unused credentials are exposure without benefit.',
    check: 'Delete it (and revoke the credential) unless an application reads it through the API.',
  },
  'rbac-role-missing': {
    cause: 'The binding’s roleRef names a role that does not exist, so it grants nothing.',
    check: 'Create the role or recreate the binding with an existing one.',
  },
  'rbac-subject-missing': {
    cause: 'A binding grants permissions to a ServiceAccount that does not exist: a leftover or a typo.',
    check: 'Remove the stale subject, or create the ServiceAccount the workload expects.',
  },
  'webhook-service-missing': {
    cause:
      'An admission webhook points at a Service that is gone or has no endpoints; with failurePolicy Fail, API writes it matches are refused.',
    check: 'Restore the component that serves it, or delete the stale webhook configuration.',
  },
  'resourcequota-near-limit': {
    cause: 'The namespace has (nearly) used up its quota; new pods, claims or objects that need more are refused.',
    check: 'Raise the quota or free unused resources.',
  },
  'warning-events': {
    cause: 'A component reported a Warning that no other check explains.',
    check: 'Read the event message and kubectl describe the object it is about.',
  },
};
