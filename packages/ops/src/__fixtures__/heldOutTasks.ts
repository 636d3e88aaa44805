import type { ClusterGateway } from '@opspilot/core';
import { type Task, TASKS } from './paraphraseTasks.js';

// The held-out set of issue 22: requests written after the planner and without reading its lexicons or extractors,
// in wordings deliberately unlike the paraphrase suite (long and polite sentences, British spellings, typos, passive
// voice, namespaces and labels in odd places, task statements in the style of public benchmark tasks). Each wording
// reuses the starting state, the state check and the clean-up of the paraphrase suite's task of the same id, so only
// the words are new. Names carry the wording's index (the first wording creates `web1`, the second `web2`, …).
const WORDINGS: Record<string, string[]> = {
  'scale to a count': [
    'Could you please make sure that the backend deployment in the todo namespace is running exactly 4 replicas?',
    'The backend deployment should be scaled so that four pods are running.',
    'Please scael the backend deploymnet to 4.',
    'In namespace todo, set replicas=4 on deployment/backend.',
  ],
  'scale up by a percentage': [
    'Traffic is doubling next week, so please increase the number of web-app replicas by 100 percent.',
    'Scale out deployment web-app in the todo namespace by 100%.',
    'We need 100% more capacity on web-app, could you scale it accordingly?',
    'Increase the replica count of the web-app deployment by one hundred percent.',
  ],
  'scale down by a percentage': [
    'Please reduce the replicas of web-app by 50% to save some money.',
    'web-app is over-provisioned; scale it down 50 percent.',
    'Scale the deployment web-app in namespace todo down by 50%.',
    'Could the web-app deployment be cut down by 50%, please?',
  ],
  double: [
    'Can you double the number of replicas for the frontend deployment?',
    'Please double the frontend replica count in todo.',
    'Frontend needs twice the replicas it has now.',
    'The frontend deployment should be doubled.',
  ],
  'scale to zero': [
    'Please scale web-app down to zero replicas for the night.',
    'Turn off web-app entirely by scaling it to 0.',
    'Set the number of web-app pods to nil.',
    'Stop all web-app pods, scale the deployment to 0 replicas.',
  ],
  'restart one': [
    'Could you please do a rolling restart of the backend deployment?',
    'The backend deployment in namespace todo needs to be restarted.',
    'Please restart deployment/backend -n todo.',
    'Kindly bounce the backend pods.',
  ],
  'restart two (conjunction)': [
    'Please restart both the backend and the frontend deployments.',
    'Could you do a rolling restart of frontend as well as backend?',
    'The frontend and backend deployments in todo need to be restarted.',
    'restart backend, frontend',
  ],
  'restart all of a kind in a namespace': [
    'Please restart every deployment in the batch namespace.',
    'Could you perform a rolling restart of all the deployments that live in batch?',
    'All deployments in namespace batch should be restarted.',
    'In the batch namespace, restart each deployment.',
  ],
  'roll back': [
    'The last rollout of frontend broke something; please roll it back to the previous revision.',
    'Undo the most recent rollout of the frontend deployment.',
    'Please revert deployment frontend in todo to its previous version.',
    'Could you rollback frontend?',
  ],
  'set an image': [
    'Please update the web-app deployment so that it uses the image nginx:1.26.',
    'Perform a rolling update of web-app to nginx:1.26.',
    'The web-app deployment should be running nginx:1.26 instead.',
    'Change the container image of deployment web-app in the todo namespace to nginx:1.26.',
  ],
  'set a version (tag)': [
    'Please upgrade backend to version 1.1.',
    'Roll out version 1.1 of the backend deployment.',
    'Could you update the backend deployment to tag 1.1?',
    'The backend should be moved to 1.1.',
  ],
  'set an environment variable': [
    'Please add an environment variable LOG_LEVEL with the value debug to the frontend deployment.',
    'Set the env var LOG_LEVEL to debug on frontend.',
    'The frontend container should get LOG_LEVEL=debug in its environment.',
    'Could you configure frontend with environment variable LOG_LEVEL set to "debug"?',
  ],
  'set a cpu request': [
    'Please give backend a cpu request of 250m.',
    'The backend container should request 250m of CPU.',
    'Could you set the CPU request of the backend deployment to 250 millicores?',
    'Update deployment backend in todo: cpu request 250m.',
  ],
  'set a memory limit': [
    'Please raise the memory limit of the frontend deployment to 768Mi.',
    'The frontend container should be limited to 768Mi of memory.',
    'Could you set frontend memory limit = 768Mi?',
    'Change the memory limit for frontend in the todo namespace to 768Mi, please.',
  ],
  'resize a volume claim': [
    'Please resize the PersistentVolumeClaim data in the todo namespace to 11Gi.',
    'The data PVC is running out of space; could you expand it to 12Gi?',
    'Increase the storage request of the persistent volume claim called data to 13Gi.',
    'Could the data volume be grown to 14Gi, please?',
  ],
  'delete an object': [
    'Please delete the ConfigMap old-settings from the todo namespace.',
    'The old-settings config map is no longer needed, remove it.',
    'Could you get rid of configmap old-settings?',
    'Delete configmap/old-settings -n todo.',
  ],
  'add a label': [
    'Please label the frontend deployment with team=payments.',
    'The frontend deployment should carry the label team=payments.',
    'Could you add a label team with value payments to frontend?',
    'Add the label team=payments to deployment frontend in todo.',
  ],
  'cordon a node': [
    'Please mark node sim-worker-1 as unschedulable.',
    'Could you cordon sim-worker-1 so nothing new lands on it?',
    'Node sim-worker-1 should be cordoned before the maintenance window.',
    'Stop scheduling new pods onto sim-worker-1.',
  ],
  'drain a node': [
    'Please drain sim-worker-2 for maintenance.',
    'Could you evict all the pods from node sim-worker-2 and cordon it?',
    'sim-worker-2 is going down for a kernel upgrade, drain it please.',
    'Safely drain the node sim-worker-2.',
  ],
  'expose a deployment': [
    'Please expose the web-app deployment on port 8080.',
    'Create a service for web-app listening on port 8080.',
    'Could you make web-app reachable inside the cluster through a Service on port 8080?',
    'Expose deployment web-app in the todo namespace as a ClusterIP service on 8080.',
  ],
  'switch traffic (blue/green)': [
    'Please switch the web service from blue to green.',
    'Could you point the web service at the green version?',
    'Route all traffic of service web to green.',
    'The web service should send its traffic to the green deployment now.',
  ],
  'create a namespace': [
    'Please create a new namespace called qa-1.',
    'Could you set up a namespace named qa-2 for the testing team?',
    'A namespace qa-3 is needed.',
    'Create ns qa-4.',
  ],
  'create a deployment': [
    'Please create a deployment named web1 running nginx:1.27 with 2 replicas.',
    'Could you deploy nginx:1.27 as a deployment called web2 with two replicas in the default namespace?',
    'A deployment web3 with image nginx:1.27 and 2 replicas should be created.',
    'Create a Deployment "web4" using the nginx:1.27 image, replicas: 2.',
  ],
  'create a pod with a command': [
    'Please create a pod named box1 using the busybox:1.36 image that runs the command sleep 3600.',
    'Could you start a pod box2 from busybox:1.36 which just sleeps for an hour (sleep 3600)?',
    'Create a pod called box3 with image busybox:1.36 and command "sleep 3600".',
    'A busybox:1.36 pod named box4 running sleep 3600 is needed.',
  ],
  'pod with a ConfigMap volume': [
    'Please create a pod vol1 in the todo namespace using nginx:1.27 that mounts the ConfigMap todo-config at /etc/config.',
    'Create a pod named vol2 with image nginx:1.27 in todo, with the todo-config config map mounted as a volume under /etc/config.',
    'Could you run a pod vol3 (nginx:1.27) in namespace todo and mount configmap todo-config to /etc/config?',
    'In the todo namespace, create pod vol4 from nginx:1.27 mounting the todo-config ConfigMap at the path /etc/config.',
  ],
  'pod with a sidecar': [
    'Please create a pod side1 with an nginx:1.27 container and a busybox:1.36 sidecar.',
    'Could you create a pod called side2 running nginx:1.27 with a sidecar container using busybox:1.36?',
    'Create a multi-container pod side3: the main container is nginx:1.27 and a second container runs busybox:1.36.',
    'A pod named side4 should run nginx:1.27 alongside a busybox:1.36 sidecar.',
  ],
  'deployment with resources': [
    'Please create a deployment res1 using nginx:1.27 with requests of 100m CPU and 128Mi memory.',
    'Create a deployment called res2 with image nginx:1.27 that requests cpu 100m and memory 128Mi.',
    'Could you deploy nginx:1.27 as res3, requesting 100m of CPU and 128Mi of memory?',
    'Deployment res4, image nginx:1.27, resource requests: cpu=100m, memory=128Mi.',
  ],
  'create a Secret': [
    'Please create a secret named creds1 with the key password set to s3cret.',
    'Could you store password=s3cret in a new Secret called creds2?',
    'Create a generic secret creds3 containing password s3cret.',
    'A Secret creds4 with password=s3cret is needed in the default namespace.',
  ],
  'create a service account': [
    'Please create a service account called robot1 in the todo namespace.',
    'Could you add a ServiceAccount named robot2 to namespace todo?',
    'In todo, create serviceaccount robot3.',
    'A service account robot4 should exist in the todo namespace.',
  ],
  'read-only access for a service account': [
    'Please give the service account reader1 in the todo namespace read-only access to pods.',
    'Create a Role that can get, list and watch pods in todo and bind it to service account reader2.',
    'Service account reader3 in namespace todo should be able to view pods but not change them.',
    'Could you grant reader4 (a service account in todo) permission to read pods?',
  ],
  'deny all ingress (NetworkPolicy)': [
    'Please create a network policy in the batch namespace that denies all incoming traffic.',
    'Could you block all ingress traffic to the pods in batch?',
    'All inbound traffic to namespace batch should be denied by a NetworkPolicy.',
    'Create a default-deny ingress policy for batch.',
  ],
  'allow traffic from one app (NetworkPolicy)': [
    'Please create a network policy so that only frontend pods can reach backend pods in todo.',
    'Could you allow ingress to backend only from frontend?',
    'Backend should accept traffic only from the frontend app.',
    'Create a NetworkPolicy in todo which permits traffic from app=frontend to app=backend.',
  ],
  'autoscale (HPA)': [
    'Please create a horizontal pod autoscaler for web-app with a minimum of 2 and a maximum of 6 replicas.',
    'Could you autoscale the web-app deployment between 2 and 6 pods?',
    'Set up an HPA on web-app: min 2, max 6.',
    'web-app should autoscale from 2 up to 6 replicas based on CPU utilisation.',
  ],
  'StatefulSet with a volume claim template': [
    'Please create a statefulset named cache1 running redis:7 with a 1Gi volume for each replica.',
    'Could you create a StatefulSet called cache2 from redis:7 with a volume claim template of 1Gi?',
    'Create a stateful set cache3 using redis:7 where every pod gets its own 1Gi persistent volume.',
    'A StatefulSet cache4 with image redis:7 and 1Gi of storage per pod is needed.',
  ],
  'canary next to a stable deployment': [
    'Please create a canary deployment of backend running todo/backend:1.1 next to the stable one.',
    'Could you roll out todo/backend:1.1 as a canary alongside the existing backend?',
    'Start a canary for backend with image todo/backend:1.1, sharing its service.',
    'Deploy a canary version todo/backend:1.1 of backend.',
  ],
  'namespace and a deployment in it (multi-step)': [
    'Please create a namespace dev-1 and deploy nginx 1.27 there with 2 replicas.',
    'Could you set up namespace dev-2 and then run an nginx:1.27 deployment with two replicas in it?',
    'Create the dev-3 namespace, then deploy nginx:1.27 into it with 2 replicas.',
    'Make a namespace called dev-4 and deploy nginx 1.27 (2 replicas) inside it.',
  ],
  'which images are running': [
    'Could you tell me which container images are currently running?',
    'Please list every image in use across the cluster.',
    'What images are the pods running at the moment?',
    'Show the images of all running containers.',
  ],
  'list pods of a namespace': [
    'Could you show me all the pods in the todo namespace?',
    'Please list the pods running in todo.',
    'kubectl get pods in namespace todo',
    'Which pods are there in the todo namespace?',
  ],
  'why is it pending': [
    'Why is the huge deployment stuck in Pending?',
    'Could you find out why the pods of huge are not being scheduled?',
    'The huge pods never start; please work out what is wrong.',
    'What is preventing huge from running?',
  ],
  'top pods by memory (metrics)': [
    'Which pods are using the most memory right now?',
    'Could you show me the pods with the highest memory consumption?',
    'Please list the most memory-hungry pods.',
    'Show the top pods sorted by memory usage.',
  ],
  'nonsense and unknown objects → refused or asked': [
    'Please restart the payment-gateway deployment.',
    'Could you scale the deployment named orders to 5 replicas?',
    'Delete the configmap called does-not-exist.',
    'Order me a pizza with extra cheese.',
  ],
};

// A second round of held-out wordings (indices 4 and 5 of their task types, so names are qa-5, vol6, …), written
// before the fixes for the first round's failures and kept out of them: the figure on these says whether the fixes
// were general.
const SECOND_ROUND: Record<string, string[]> = {
  'scale to a count': ['Bring the number of backend replicas up to four.', 'We need four instances of backend running in todo.'],
  'scale down by a percentage': [
    'Our web-app has more pods than it needs, so trim it by 50%.',
    'Lower the web-app replica count by fifty percent.',
  ],
  'scale to zero': ['web-app should have no running pods at all.', 'Take web-app down to zero instances.'],
  'set a memory limit': ["Cap frontend's memory at 768Mi.", 'frontend: memory limit 768Mi'],
  'add a label': ['Tag the frontend deployment with team: payments.', 'Attach label team=payments to frontend.'],
  'switch traffic (blue/green)': [
    'Move the web service over from the blue pods to the green ones.',
    'Make the web service send requests to green instead of blue.',
  ],
  'create a namespace': ['We need a fresh namespace, qa-5.', 'There should be a namespace named qa-6.'],
  'pod with a ConfigMap volume': [
    'Start pod vol5 in todo with image nginx:1.27; the todo-config ConfigMap should be available as files in /etc/config.',
    'Pod vol6 (namespace todo, image nginx:1.27) needs configmap todo-config mounted into /etc/config.',
  ],
  'deployment with resources': [
    'Set up res5: an nginx:1.27 deployment with 100m CPU and 128Mi memory requested.',
    'New Deployment res6 - image nginx:1.27 - requests cpu: 100m, memory: 128Mi.',
  ],
  'create a service account': ['There should be a ServiceAccount called robot5 in todo.', 'todo needs a service account named robot6.'],
  'read-only access for a service account': [
    'Let the service account reader5 in todo look at pods without modifying them.',
    'reader6, a service account in namespace todo, needs permission to list and get pods.',
  ],
  'allow traffic from one app (NetworkPolicy)': [
    'Only the frontend should be allowed to connect to backend in todo.',
    'Lock down backend in todo so that frontend is the only app that can reach it.',
  ],
  'autoscale (HPA)': [
    'Let web-app scale itself automatically, never below 2 replicas and never above 6.',
    'web-app: autoscaling with at least 2 and at most 6 pods.',
  ],
  'why is it pending': ['Can you explain why huge has no running pods?', "Why won't the huge deployment come up?"],
};

// A third round (index 6 of its task type: qa-7, vol7, …), written after the fixes for the first two rounds and
// measured once without changing the planner for it: the figure on these is the honest one for unseen wordings.
const THIRD_ROUND: Record<string, string[]> = {
  'scale to a count': ['Ensure backend ends up with 4 running replicas.'],
  'scale down by a percentage': ['Shrink web-app by 50 percent, it has too many replicas.'],
  'scale to zero': ['Please get web-app to zero pods.'],
  'set a memory limit': ['frontend must not use more than 768Mi of memory.'],
  'add a label': ['Put the label team=payments on frontend.'],
  'switch traffic (blue/green)': ['Have service web use the green pods from now on.'],
  'create a namespace': ['Namespace qa-7, please.'],
  'pod with a ConfigMap volume': [
    'Launch pod vol7 in todo (image nginx:1.27) with the todo-config ConfigMap exposed at /etc/config as a volume.',
  ],
  'deployment with resources': ['res7 should be a deployment of nginx:1.27 asking for 100m cpu and 128Mi memory.'],
  'create a service account': ['Add serviceaccount robot7 to todo.'],
  'read-only access for a service account': [
    'reader7 in todo (a service account) should be allowed to get and list pods, nothing else.',
  ],
  'allow traffic from one app (NetworkPolicy)': ['In todo, backend must only accept connections coming from frontend.'],
  'autoscale (HPA)': ['Configure autoscaling on web-app: no fewer than 2 and no more than 6 replicas.'],
  'why is it pending': ['How come huge never gets scheduled?'],
};

// A fourth round (24 wordings, after the first three and their fixes), written before reading the planner's code for
// it: modal verbs (should, ought to, needs to, must), passive voice, described end states, a negation, typos, "pls",
// trailing politeness, numbers as words, and namespaces given as "in the X namespace", "under X" and "X/name". It
// includes the two misreads left by the third round. Two task types are new here and local to the held-out set
// (below): a negation ("don't restart X, just scale it") and questions, which must change nothing.
// Measured once before any change for it: see heldOutSuite.test.ts and docs/ask.md.
const FOURTH_ROUND: Record<string, string[]> = {
  'scale to a count': ['backend should be at 4'],
  'scale down by a number': ['frontend must be brought down to one replica.'],
  'scale without a restart (negation)': ["don't restart frontend, just scale it to 2"],
  'restart one': ['todo/backend needs a restrat pls'],
  'restart two (conjunction)': ['frontend and backend both ought to be restarted, thanks!'],
  'roll back': ['The latest frontend rollout has to be undone, go back to what was running before.'],
  'set an image': ['web-app ought to be running nginx:1.26 rather than 1.27'],
  'set a version (tag)': ['backend under todo should be on version 1.1'],
  'set an environment variable': ['frontend needs LOG_LEVEL set to debug'],
  'add a label': ['frontend in the todo namespace should carry the label team=payments'],
  'add an annotation': ['pls anotate the backend service under todo with owner=alice'],
  'create a namespace': ['a namespace called qa-8 needs to exist, thanks'],
  'create a ConfigMap': ['there must be a configmap settings1 where MODE is fast'],
  'create a Secret': ['a secret creds5 holding password s3cret is required'],
  'create a service account': [
    'pls add the robot8 service account to the todo namespace, cheers',
    'todo ought to contain a service account robot9',
  ],
  'delete an object': ["the old-settings configmap in todo isn't needed anymore, get rid of it"],
  'cordon a node': ['sim-worker-1 should not receive any new pods'],
  'drain a node': ['evacuate every pod off sim-worker-2 before maintenance pls'],
  'expose a deployment': ['web-app needs to be reachable on port 8080 inside the cluster'],
  'autoscale (HPA)': ['web-app ought to autoscale between two and six replicas'],
  'set cpu and memory requests': ['web-app must request 200m of cpu and 256Mi of memory'],
  'a question changes nothing': ['is backend scaled to 4 replicas right now?', 'do I need to restart frontend?'],
};

// biome-ignore lint/suspicious/noExplicitAny: objects read back from the cluster, checked field by field
type Json = Record<string, any>;
const deployment = async (g: ClusterGateway, name: string) =>
  (await g.get({ kind: 'Deployment', name, namespace: 'todo' })) as Json | undefined;
const restartedAt = async (g: ClusterGateway, name: string) =>
  (await deployment(g, name))?.spec?.template?.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt'] as string | undefined;
const clearRestart = (g: ClusterGateway, name: string) =>
  g.patch(
    { kind: 'Deployment', name, namespace: 'todo' },
    { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': null } } } } },
    { type: 'strategic' },
  );
const scaleTo = (g: ClusterGateway, name: string, replicas: number) => g.scale({ kind: 'Deployment', name, namespace: 'todo' }, replicas);

/** Task types of the held-out set only: what a wording must leave alone is part of its check. */
const HELD_OUT_ONLY: Task[] = [
  {
    id: 'scale without a restart (negation)',
    setup: async (g) => {
      await scaleTo(g, 'frontend', 3);
      await clearRestart(g, 'frontend');
    },
    say: [],
    check: async (c) => {
      const replicas = (await deployment(c.gateway, 'frontend'))?.spec?.replicas;
      if (replicas !== 2) return `replicas: ${replicas}, wanted 2`;
      return (await restartedAt(c.gateway, 'frontend')) ? 'frontend was restarted although the request said not to' : true;
    },
  },
  {
    id: 'a question changes nothing',
    setup: async (g) => {
      await scaleTo(g, 'backend', 2);
      await clearRestart(g, 'frontend');
    },
    say: [],
    check: async (c) => {
      if (c.outcome.kind === 'plan' && c.outcome.plan.risk !== 'read') return `planned a change: ${c.outcome.plan.summary}`;
      const replicas = (await deployment(c.gateway, 'backend'))?.spec?.replicas;
      if (replicas !== 2) return `backend replicas changed to ${replicas}`;
      return (await restartedAt(c.gateway, 'frontend')) ? 'frontend was restarted' : true;
    },
  },
];

/** The held-out tasks: the paraphrase suite's starting states and checks, said in fresh words. */
const ROUNDS = [WORDINGS, SECOND_ROUND, THIRD_ROUND, FOURTH_ROUND];
export const HELD_OUT_TASKS: Task[] = [...new Set(ROUNDS.flatMap((round) => Object.keys(round)))].map((id) => {
  const task = TASKS.find((t) => t.id === id) ?? HELD_OUT_ONLY.find((t) => t.id === id);
  if (!task) throw new Error(`held-out set: no task type "${id}" in the paraphrase suite`);
  return { ...task, say: ROUNDS.flatMap((round) => round[id] ?? []) };
});

/** The fourth round's wordings, for its own figure. */
export const FOURTH_ROUND_WORDINGS: string[] = Object.values(FOURTH_ROUND).flat();
