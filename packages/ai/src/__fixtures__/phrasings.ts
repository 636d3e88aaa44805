/** One phrasing of the suite and what the planner must answer. */
export interface Phrasing {
  say: string;
  kind: 'plan' | 'question' | 'unsupported';
  step?: Record<string, unknown>;
  risk?: 'read' | 'write' | 'destructive';
  /** A fragment the bash rendering must contain. */
  bash?: string;
  /** The labels a question must offer, exactly. */
  candidates?: string[];
}

const backend = { kind: 'Deployment', name: 'backend', namespace: 'todo' };
const frontend = { kind: 'Deployment', name: 'frontend', namespace: 'todo' };
const prometheus = { kind: 'Deployment', name: 'prometheus', namespace: 'monitoring' };
const containers = (c: Record<string, unknown>) => ({ spec: { template: { spec: { containers: [c] } } } });

/** The phrasing suite: at least 60 requests over the demo cluster plus the planner fixtures (see plannerCluster). */
export const PHRASINGS: Phrasing[] = [
  // scale
  { say: 'scale backend to 3 replicas', kind: 'plan', risk: 'write', step: { op: 'scale', target: backend, replicas: 3, fromReplicas: 2 }, bash: 'kubectl scale deployment/backend -n todo --replicas=3' },
  { say: 'scale the backend deployment to 4', kind: 'plan', step: { op: 'scale', target: backend, replicas: 4 } },
  { say: 'scale backend by 50%', kind: 'plan', step: { op: 'scale', target: backend, replicas: 3 } },
  { say: 'scale frontend up by 2', kind: 'plan', step: { op: 'scale', target: frontend, replicas: 4 } },
  { say: 'double the frontend replicas', kind: 'plan', step: { op: 'scale', target: frontend, replicas: 4 } },
  { say: 'scale backend down to 1', kind: 'plan', step: { op: 'scale', target: backend, replicas: 1 } },
  { say: 'set replicas of prometheus to 2', kind: 'plan', step: { op: 'scale', target: prometheus, replicas: 2 } },
  { say: 'add 1 replica to backend', kind: 'plan', step: { op: 'scale', target: backend, replicas: 3 } },
  { say: 'halve backend', kind: 'plan', step: { op: 'scale', target: backend, replicas: 1 } },
  { say: 'can you run three replicas of frontend please', kind: 'plan', step: { op: 'scale', target: frontend, replicas: 3 } },
  { say: 'scale backend to zero in todo', kind: 'plan', risk: 'write', step: { op: 'scale', target: backend, replicas: 0 } },
  { say: 'scale checkout to 0 in shop', kind: 'plan', risk: 'destructive', step: { op: 'scale', replicas: 0 } },
  { say: 'scale api to 2', kind: 'question', candidates: ['deployment/shop/api-gateway', 'deployment/shop/backend-api'] },
  { say: 'scale checkout to 2', kind: 'question', candidates: ['deployment/payments/checkout', 'deployment/shop/checkout'] },
  { say: 'scale backnd to 3', kind: 'plan', step: { op: 'scale', target: backend, replicas: 3 } },
  { say: 'scale backend-api to 5', kind: 'plan', step: { op: 'scale', target: { kind: 'Deployment', name: 'backend-api', namespace: 'shop' }, replicas: 5 } },
  { say: 'scale ghost to 3', kind: 'question' },
  // restart and roll back
  { say: 'restart backend', kind: 'plan', risk: 'write', step: { op: 'rolloutRestart', target: backend }, bash: 'kubectl rollout restart deployment/backend -n todo' },
  { say: 'rollout restart deployment/frontend -n todo', kind: 'plan', step: { op: 'rolloutRestart', target: frontend } },
  { say: 'bounce the backend pods', kind: 'plan', step: { op: 'rolloutRestart', target: backend } },
  { say: 'restart the pods of prometheus', kind: 'plan', step: { op: 'rolloutRestart', target: prometheus } },
  { say: 'roll back backend', kind: 'plan', step: { op: 'rolloutUndo', target: backend }, bash: 'kubectl rollout undo deployment/backend -n todo' },
  { say: 'roll back backend to revision 2', kind: 'plan', step: { op: 'rolloutUndo', target: backend, toRevision: 2 }, bash: '--to-revision=2' },
  { say: 'undo the last rollout of frontend', kind: 'plan', step: { op: 'rolloutUndo', target: frontend } },
  { say: 'revert prometheus to the previous version', kind: 'plan', step: { op: 'rolloutUndo', target: prometheus } },
  // images, env, resources
  { say: 'update backend to version 1.1', kind: 'plan', step: { op: 'apply', mode: 'patch', object: containers({ name: 'backend', image: 'todo/backend:1.1' }) } },
  { say: 'set the image of frontend to todo/frontend:2.0', kind: 'plan', step: { op: 'apply', object: containers({ name: 'frontend', image: 'todo/frontend:2.0' }) } },
  { say: 'deploy version v2.54.0 of prometheus', kind: 'plan', step: { op: 'apply', object: containers({ image: 'prom/prometheus:v2.54.0' }) } },
  { say: 'set LOG_LEVEL=debug on backend', kind: 'plan', step: { op: 'apply', object: containers({ env: [{ name: 'LOG_LEVEL', value: 'debug' }] }) }, bash: `-p '{"spec":{"template"` },
  { say: 'set env var MODE to fast for frontend', kind: 'plan', step: { op: 'apply', object: containers({ env: [{ name: 'MODE', value: 'fast' }] }) } },
  { say: `set LOG_LEVEL=debug and GREETING="it's on" on backend`, kind: 'plan', step: { op: 'apply', object: containers({ env: [{ name: 'LOG_LEVEL', value: 'debug' }, { name: 'GREETING', value: "it's on" }] }) }, bash: `it'\\''s on` },
  { say: 'set the memory limit of backend to 512Mi', kind: 'plan', step: { op: 'apply', object: containers({ resources: { limits: { memory: '512Mi' } } }) } },
  { say: 'set backend cpu request to 250m', kind: 'plan', step: { op: 'apply', object: containers({ resources: { requests: { cpu: '250m' } } }) } },
  { say: 'limit frontend to 1 cpu and 1Gi memory', kind: 'plan', step: { op: 'apply', object: containers({ resources: { limits: { cpu: '1', memory: '1Gi' } } }) } },
  // expose and create
  { say: 'expose backend on port 80', kind: 'plan', step: { op: 'apply', mode: 'create', object: { kind: 'Service', metadata: { name: 'backend-80', namespace: 'todo' }, spec: { selector: { app: 'backend' } } } } },
  { say: 'expose prometheus on port 9090 as a NodePort', kind: 'plan', step: { op: 'apply', object: { kind: 'Service', spec: { type: 'NodePort', ports: [{ port: 9090 }] } } } },
  { say: 'create namespace staging', kind: 'plan', risk: 'write', step: { op: 'apply', mode: 'create', object: { kind: 'Namespace', metadata: { name: 'staging' } } }, bash: "-f - <<'EOF'" },
  { say: 'create a deployment web with image nginx:1.27 and 3 replicas in todo', kind: 'plan', step: { op: 'apply', object: { kind: 'Deployment', metadata: { name: 'web', namespace: 'todo' }, spec: { replicas: 3 } } } },
  { say: 'create a pod named debug with image busybox:1.36 in todo', kind: 'plan', step: { op: 'apply', object: { kind: 'Pod', spec: { containers: [{ image: 'busybox:1.36' }] } } } },
  { say: 'create a configmap app-settings with MODE=fast and RETRIES=3 in todo', kind: 'plan', step: { op: 'apply', object: { kind: 'ConfigMap', data: { MODE: 'fast', RETRIES: '3' } } } },
  { say: 'create a secret db-creds with password=changeme in todo', kind: 'plan', step: { op: 'apply', object: { kind: 'Secret', stringData: { password: 'changeme' } } } },
  { say: 'autoscale backend between 2 and 10 pods at 70% cpu', kind: 'plan', step: { op: 'apply', object: { kind: 'HorizontalPodAutoscaler', spec: { minReplicas: 2, maxReplicas: 10, scaleTargetRef: { name: 'backend' } } } } },
  { say: 'create a deployment web', kind: 'question' },
  { say: 'create a deployment api in namespace nowhere with image api:1', kind: 'question' },
  // delete
  { say: 'delete the frontend deployment', kind: 'plan', risk: 'write', step: { op: 'delete', target: frontend }, bash: 'kubectl delete deployment frontend -n todo' },
  { say: 'delete namespace payments', kind: 'plan', risk: 'destructive', step: { op: 'delete', target: { kind: 'Namespace', name: 'payments' } } },
  { say: 'delete pvc data-orders-db-0', kind: 'plan', risk: 'destructive', step: { op: 'delete', target: { kind: 'PersistentVolumeClaim' } } },
  { say: 'remove statefulset orders-db', kind: 'plan', risk: 'destructive', step: { op: 'delete', target: { kind: 'StatefulSet', name: 'orders-db' } } },
  // nodes
  { say: 'cordon node sim-worker-1', kind: 'plan', risk: 'write', step: { op: 'cordon', target: { kind: 'Node', name: 'sim-worker-1' } }, bash: 'kubectl cordon sim-worker-1' },
  { say: 'drain sim-worker-2', kind: 'plan', risk: 'destructive', step: { op: 'drain' }, bash: 'kubectl drain sim-worker-2 --ignore-daemonsets --delete-emptydir-data' },
  { say: 'uncordon sim-worker-1', kind: 'plan', step: { op: 'uncordon' } },
  { say: 'mark sim-worker-1 unschedulable', kind: 'plan', step: { op: 'cordon' } },
  // labels and annotations
  // A name shared by a Deployment and its Service means the workload (the plan's assumptions say so); a kind word picks the Service.
  { say: 'label backend with team=payments', kind: 'plan', step: { op: 'apply', mode: 'patch', object: { kind: 'Deployment', metadata: { name: 'backend', labels: { team: 'payments' } } } } },
  // Deleting is never guessed: the same shared name asks which.
  { say: 'delete backend', kind: 'question', candidates: ['deployment/todo/backend', 'service/todo/backend'] },
  { say: 'label deployment backend with team=payments', kind: 'plan', step: { op: 'apply', mode: 'patch', object: { metadata: { labels: { team: 'payments' } } } } },
  { say: 'annotate the frontend deployment with owner=alice', kind: 'plan', step: { op: 'apply', object: { metadata: { annotations: { owner: 'alice' } } } } },
  { say: 'add label tier=web to service frontend', kind: 'plan', step: { op: 'apply', object: { metadata: { labels: { tier: 'web' } } } } },
  { say: 'remove label app.kubernetes.io/part-of from deployment backend', kind: 'plan', risk: 'write', step: { op: 'apply', mode: 'patch', object: { metadata: { labels: { 'app.kubernetes.io/part-of': null } } } }, bash: '{"metadata":{"labels":{"app.kubernetes.io/part-of":null}}}' },
  { say: 'label deployment frontend app.kubernetes.io/part-of-', kind: 'plan', step: { op: 'apply', mode: 'patch', object: { metadata: { labels: { 'app.kubernetes.io/part-of': null } } } } },
  { say: 'delete the nosuch label from deployment backend', kind: 'unsupported' },
  // logs
  { say: 'errors in backend logs in the last 10 minutes', kind: 'plan', risk: 'read', step: { op: 'logs', target: backend, sinceSeconds: 600, labelSelector: 'app=backend' }, bash: "--since=10m | grep -iE 'error|exception|fatal|panic'" },
  { say: 'show logs of frontend', kind: 'plan', step: { op: 'logs', target: frontend } },
  { say: 'last 50 lines of prometheus logs', kind: 'plan', step: { op: 'logs', target: prometheus, tailLines: 50 } },
  { say: 'tail backend logs since 1h', kind: 'plan', step: { op: 'logs', sinceSeconds: 3_600 } },
  { say: 'grep for timeout in the frontend logs', kind: 'plan', step: { op: 'logs', match: 'timeout' } },
  // lists
  { say: 'pods not running in todo', kind: 'plan', risk: 'read', step: { op: 'list', kind: 'Pod', namespace: 'todo', fieldSelector: 'status.phase!=Running,status.phase!=Succeeded' } },
  { say: 'what images are running', kind: 'plan', step: { op: 'list', kind: 'Pod', show: 'images' }, bash: 'custom-columns' },
  { say: 'list deployments in monitoring', kind: 'plan', step: { op: 'list', kind: 'Deployment', namespace: 'monitoring' } },
  { say: 'show all nodes', kind: 'plan', step: { op: 'list', kind: 'Node' }, bash: 'kubectl get nodes' },
  { say: 'which pods are pending', kind: 'plan', step: { op: 'list', kind: 'Pod', fieldSelector: 'status.phase=Pending' } },
  { say: 'get pods with label app=backend in todo', kind: 'plan', step: { op: 'list', kind: 'Pod', namespace: 'todo', labelSelector: 'app=backend' } },
  { say: 'show events in todo', kind: 'plan', step: { op: 'list', kind: 'Event', namespace: 'todo' } },
  { say: 'list services -n todo', kind: 'plan', step: { op: 'list', kind: 'Service', namespace: 'todo' } },
  { say: 'which pods are crashing in todo', kind: 'plan', step: { op: 'analyze', namespace: 'todo' } },
  // one object
  { say: 'describe deployment backend', kind: 'plan', risk: 'read', step: { op: 'describe', target: backend } },
  { say: 'show me the backend deployment', kind: 'plan', step: { op: 'get', target: backend } },
  { say: 'how many replicas does frontend have', kind: 'plan', step: { op: 'get', target: frontend } },
  // diagnosis
  { say: "what's wrong with frontend", kind: 'plan', risk: 'read', step: { op: 'analyze', target: frontend } },
  { say: 'why is frontend pending', kind: 'plan', step: { op: 'analyze', target: frontend } },
  { say: 'diagnose prometheus', kind: 'plan', step: { op: 'analyze', target: prometheus } },
  // A question asking why is diagnosed, never answered by a change (here: not a restart of the pods it names).
  { say: 'could you find out why the pods of frontend are not being restarted', kind: 'plan', risk: 'read', step: { op: 'analyze', target: frontend } },
  // A statement before the request is its context: `it` is the object the statement names.
  { say: 'backend is slow today; restart it', kind: 'plan', risk: 'write', step: { op: 'rolloutRestart', target: backend } },
  { say: 'is backend healthy?', kind: 'plan', step: { op: 'analyze', target: backend } },
  { say: "what's wrong in todo", kind: 'plan', step: { op: 'analyze', namespace: 'todo' } },
  // blue/green and volumes
  { say: 'switch service web to green', kind: 'plan', risk: 'write', step: { op: 'apply', mode: 'patch', object: { kind: 'Service', spec: { selector: { app: 'web', version: 'green' } } } } },
  { say: 'point web at the green deployment', kind: 'plan', step: { op: 'apply', object: { spec: { selector: { version: 'green' } } } } },
  // The destination is the value after `to`/`at`, not the one after `from` or `instead of`.
  { say: 'please switch the web service from blue to green', kind: 'plan', step: { op: 'apply', object: { spec: { selector: { version: 'green' } } } } },
  { say: 'make the web service send requests to green instead of blue', kind: 'plan', step: { op: 'apply', object: { spec: { selector: { version: 'green' } } } } },
  { say: 'resize pvc data-orders-db-0 to 20Gi', kind: 'plan', step: { op: 'apply', object: { kind: 'PersistentVolumeClaim', spec: { resources: { requests: { storage: '20Gi' } } } } } },
  { say: 'expand the volume data-orders-db-0 to 5Gi', kind: 'unsupported' },
  // Variants of the fourth held-out round's fixes (wordings not in that round), one group per general cause.
  // A yes/no question is answered by a read, never by a change; a polite order stays an order.
  { say: 'is frontend running 4 replicas?', kind: 'plan', risk: 'read', step: { op: 'get', target: frontend } },
  { say: 'does backend need a restart?', kind: 'plan', risk: 'read', step: { op: 'analyze', target: backend } },
  { say: 'should we roll back frontend?', kind: 'plan', risk: 'read', step: { op: 'analyze', target: frontend } },
  { say: 'can you restart frontend?', kind: 'plan', risk: 'write', step: { op: 'rolloutRestart', target: frontend } },
  { say: 'do you mind restarting frontend?', kind: 'plan', risk: 'write', step: { op: 'rolloutRestart', target: frontend } },
  // A described replica count with no image or version value is a scale.
  { say: 'frontend must be at 3', kind: 'plan', step: { op: 'scale', target: frontend, replicas: 3 } },
  { say: 'backend ought to sit at three', kind: 'plan', step: { op: 'scale', target: backend, replicas: 3 } },
  // A creation that names only live objects and no new one is the next reading that fits them.
  { say: 'backend should run todo/backend:1.1 from now on', kind: 'plan', step: { op: 'apply', object: containers({ name: 'backend', image: 'todo/backend:1.1' }) } },
  { say: 'frontend ought to be running todo/frontend:2.0 rather than 1.0', kind: 'plan', step: { op: 'apply', object: containers({ name: 'frontend', image: 'todo/frontend:2.0' }) } },
  // An action the named object's kind does not allow gives way to one it does (a node is cordoned, not created).
  { say: 'no more pods should land on sim-worker-1', kind: 'plan', step: { op: 'cordon', target: { kind: 'Node', name: 'sim-worker-1' } } },
  { say: 'sim-worker-2 must not receive any new pods', kind: 'plan', step: { op: 'cordon', target: { kind: 'Node', name: 'sim-worker-2' } } },
  // A request about new pods only is a cordon, not a drain (which evicts the pods a node runs).
  { say: 'keep new workloads off sim-worker-1', kind: 'plan', risk: 'write', step: { op: 'cordon', target: { kind: 'Node', name: 'sim-worker-1' } } },
  { say: 'stop sending new pods to sim-worker-2', kind: 'plan', risk: 'write', step: { op: 'cordon', target: { kind: 'Node', name: 'sim-worker-2' } } },
  // A node as the subject or object of a negated intake of pods is cordoned (not a scale, a list or a drain).
  { say: 'sim-worker-1 should take no more pods', kind: 'plan', risk: 'write', step: { op: 'cordon', target: { kind: 'Node', name: 'sim-worker-1' } } },
  { say: "sim-worker-2 shouldn't take new pods", kind: 'plan', step: { op: 'cordon', target: { kind: 'Node', name: 'sim-worker-2' } } },
  { say: 'sim-worker-1 should no longer receive pods', kind: 'plan', step: { op: 'cordon', target: { kind: 'Node', name: 'sim-worker-1' } } },
  { say: 'sim-worker-1 must not accept pods anymore', kind: 'plan', risk: 'write', step: { op: 'cordon', target: { kind: 'Node', name: 'sim-worker-1' } } },
  { say: 'sim-worker-2 must stop accepting pods', kind: 'plan', step: { op: 'cordon', target: { kind: 'Node', name: 'sim-worker-2' } } },
  { say: 'sim-worker-2 should not get any more pods', kind: 'plan', step: { op: 'cordon', target: { kind: 'Node', name: 'sim-worker-2' } } },
  { say: 'stop scheduling onto sim-worker-1', kind: 'plan', step: { op: 'cordon', target: { kind: 'Node', name: 'sim-worker-1' } } },
  { say: 'stop scheduling pods on sim-worker-2', kind: 'plan', step: { op: 'cordon', target: { kind: 'Node', name: 'sim-worker-2' } } },
  { say: 'keep pods off sim-worker-1', kind: 'plan', risk: 'write', step: { op: 'cordon', target: { kind: 'Node', name: 'sim-worker-1' } } },
  { say: 'keep all pods away from sim-worker-2', kind: 'plan', step: { op: 'cordon', target: { kind: 'Node', name: 'sim-worker-2' } } },
  { say: 'sim-worker-1 should be unschedulable', kind: 'plan', step: { op: 'cordon', target: { kind: 'Node', name: 'sim-worker-1' } } },
  { say: 'no new pods on sim-worker-2', kind: 'plan', step: { op: 'cordon', target: { kind: 'Node', name: 'sim-worker-2' } } },
  // … accepting pods again is an uncordon; moving or evicting what it runs stays a drain.
  { say: 'sim-worker-1 should accept pods again', kind: 'plan', step: { op: 'uncordon', target: { kind: 'Node', name: 'sim-worker-1' } } },
  { say: 'sim-worker-2 can take pods again', kind: 'plan', step: { op: 'uncordon', target: { kind: 'Node', name: 'sim-worker-2' } } },
  { say: 'allow scheduling on sim-worker-1', kind: 'plan', step: { op: 'uncordon', target: { kind: 'Node', name: 'sim-worker-1' } } },
  { say: 'move everything off sim-worker-1', kind: 'plan', risk: 'destructive', step: { op: 'drain', target: { kind: 'Node', name: 'sim-worker-1' } } },
  { say: 'evict everything off sim-worker-2', kind: 'plan', risk: 'destructive', step: { op: 'drain', target: { kind: 'Node', name: 'sim-worker-2' } } },
  // A workload told to take nothing more in is no node: asked back, nothing changed.
  { say: 'backend should take no more traffic', kind: 'question', candidates: [] },
  { say: 'frontend must not accept pods anymore', kind: 'question', candidates: [] },
  { say: 'the backend service should not receive requests anymore', kind: 'question', candidates: [] },
  // The plural kind of a named namespace, no object named, is every one of them; never for a delete.
  { say: 'restart the deployments in monitoring', kind: 'plan', risk: 'write', step: { op: 'rolloutRestart', target: { namespace: 'monitoring' } } },
  { say: 'delete the deployments in todo', kind: 'question' },
  // Every pod of a namespace, for a workload action, is every workload there.
  { say: 'please bounce the pods in monitoring', kind: 'plan', risk: 'write', step: { op: 'rolloutRestart', target: { namespace: 'monitoring' } } },
  { say: 'restart all pods in monitoring', kind: 'plan', risk: 'write', step: { op: 'rolloutRestart', target: { namespace: 'monitoring' } } },
  // A namespace as the subject that must have an object is where it is created.
  { say: 'the todo namespace should contain a service account robot10', kind: 'plan', step: { op: 'apply', mode: 'create', object: { kind: 'ServiceAccount', metadata: { name: 'robot10', namespace: 'todo' } } } },
  { say: 'monitoring must have a serviceaccount robot11', kind: 'plan', step: { op: 'apply', mode: 'create', object: { kind: 'ServiceAccount', metadata: { name: 'robot11', namespace: 'monitoring' } } } },
  // A letter left out of an action word, and a data key given its value in a clause.
  { say: 'pls anotate the backend service with owner=alice', kind: 'plan', step: { op: 'apply', object: { kind: 'Service', metadata: { name: 'backend', annotations: { owner: 'alice' } } } } },
  { say: 'a secret creds9 in todo whose password is s3cret', kind: 'plan', step: { op: 'apply', object: { kind: 'Secret', stringData: { password: 's3cret' } } } },
  { say: 'create a configmap settings2 in todo with MODE set to fast', kind: 'plan', step: { op: 'apply', object: { kind: 'ConfigMap', data: { MODE: 'fast' } } } },
  // not supported
  { say: 'exec into backend and run ls', kind: 'unsupported' },
  { say: 'make me a sandwich', kind: 'unsupported' },
  { say: 'port-forward frontend 8080', kind: 'unsupported' },
];
