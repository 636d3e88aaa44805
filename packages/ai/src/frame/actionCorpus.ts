/**
 * The paraphrase corpus the action classifier is trained on (at load time, see classifyAction.ts). One line per
 * example, `action: words`, written with placeholders for what the grounded parser reads separately: `@` an object
 * of the cluster, `#` a number, `q` a CPU/memory/storage quantity, `pct` a percentage, `kv` a KEY=value pair, `img`
 * an image reference. New wordings go here, not into code.
 */
export const ACTION_CORPUS = `
scale: scale @ to #
scale: scale @ to # replicas
scale: scale @ up to #
scale: scale @ down to #
scale: scale up @ by #
scale: scale down @ by #
scale: scale @ by pct
scale: scale @ up by pct
scale: increase @ by pct
scale: reduce @ replicas by pct
scale: grow @ by # replicas
scale: bump @ up by #
scale: add # replicas to @
scale: add # more pods to @
scale: add another replica to @
scale: remove # replicas from @
scale: take # pods away from @
scale: double @
scale: double the replicas of @
scale: halve @
scale: cut @ in half
scale: triple @ capacity
scale: set replicas of @ to #
scale: set @ replica count to #
scale: change the number of replicas for @ to #
scale: make @ run # instances
scale: run # copies of @
scale: i want # pods of @
scale: @ should have # replicas
scale: give @ # replicas
scale: bring @ down to # pods
scale: resize @ to # replicas
scale: shrink @ to # instances
scale: decrease @ to # replicas
scale: increase the replica count of @ to #
scale: shut down @
scale: spin down @ completely
scale: turn off @
scale: scale @ to zero
scale: more replicas for @ please by #
scale: we need # more instances of @
scale: lower @ to # replicas
scale: raise @ to # pods
scale: make it # replicas
scale: scale them to #
scale: scale all deployments in @ to #
scale: expand @ to # replicas
scale: one more replica for @
scale: fewer pods for @ by #
scale: twice as many @ pods
scale: make @ 2x
scale: stop all @ pods
scale: take # instances away from @
restart: restart @
restart: restart @ and @
restart: rollout restart @
restart: do a rolling restart of @
restart: bounce @
restart: bounce the @ pods
restart: restart the pods of @
restart: recycle @
restart: cycle the @ pods
restart: reboot @
restart: redeploy @
restart: kick @
restart: give @ a restart
restart: @ needs a restart
restart: please restart every deployment in @
restart: restart all the deployments in @
restart: refresh the pods of @
restart: relaunch @
restart: reload @
restart: restart it
restart: restart them
restart: trigger a rollout restart for @
restart: roll the pods of @
restart: roll @ pods
restart: respawn @ pods
rollback: roll back @
rollback: rollback @
rollback: roll @ back
rollback: roll back @ to revision #
rollback: undo the last rollout of @
rollback: undo the rollout of @
rollback: undo the deployment of @
rollback: revert @ to the previous version
rollback: revert @
rollback: go back to the previous version of @
rollback: restore the previous release of @
rollback: put @ back to how it was
rollback: return @ to its earlier revision
rollback: @ broke after the update roll it back
rollback: rollout undo @
rollback: back out the last change to @
rollback: revert the last deploy of @
rollback: downgrade @ to the previous revision
rollback: undo @ last release
rollback: roll back it
setImage: update @ to version #
setImage: set the image of @ to img
setImage: change @ image to img
setImage: upgrade @ to img
setImage: upgrade @ to #
setImage: deploy version # of @
setImage: roll out img to @
setImage: use img for @
setImage: run img in @
setImage: switch @ to image img
setImage: bump @ to #
setImage: update the container image of @ to img
setImage: set image img on @
setImage: point @ at image img
setImage: move @ to tag #
setImage: release # of @
setImage: downgrade @ to img
setImage: change the image tag of @ to #
setImage: @ should run img
setImage: update @ image
setImage: upgrade the @ container to img
setImage: set @ container image img
setImage: rolling update of @ to img
setImage: perform a rolling update of @ to img
setEnv: set kv on @
setEnv: set env kv for @
setEnv: add environment variable kv to @
setEnv: set the env var @ to value on @
setEnv: put kv in the environment of @
setEnv: add kv to @ env
setEnv: configure @ with kv
setEnv: update @ environment kv
setEnv: set environment variables kv and kv on @
setEnv: export kv in @
setEnv: give @ the env kv
setEnv: define kv for @
setEnv: @ needs kv in its environment
setEnv: change env var of @ kv
setEnv: inject kv into @
setResources: set the memory limit of @ to q
setResources: set @ cpu request to q
setResources: give @ a cpu request of q
setResources: limit @ to q cpu and q memory
setResources: set resources of @ cpu q memory q
setResources: raise the memory of @ to q
setResources: increase @ memory limit to q
setResources: lower the cpu limit of @ to q
setResources: allocate q memory to @
setResources: request q of cpu for @
setResources: @ should request q memory
setResources: cap @ memory at q
setResources: set requests cpu q memory q on @
setResources: set limits for @ cpu q
setResources: change @ cpu to q
setResources: give @ more memory q
setResources: bump @ memory to q
setResources: reserve q cpu for @
setResources: set resource requests of @
setResources: update @ resources limits memory q
setResources: set @ memory request and limit to q
resizeVolume: resize pvc @ to q
resizeVolume: resize the @ volume claim to q
resizeVolume: expand the volume @ to q
resizeVolume: grow @ storage to q
resizeVolume: increase the size of @ to q
resizeVolume: make the @ disk q
resizeVolume: enlarge @ claim to q
resizeVolume: extend persistent volume claim @ to q
resizeVolume: give the @ volume q of storage
resizeVolume: bump @ storage to q
resizeVolume: the @ disk needs q
resizeVolume: set storage of @ to q
expose: expose @ on port #
expose: expose @ port #
expose: create a service for @ on port #
expose: make @ reachable on port #
expose: put a service in front of @
expose: expose @ as a nodeport on #
expose: publish @ on port #
expose: open port # for @
expose: add a load balancer for @
expose: expose @ to the outside on port #
expose: make a clusterip service for @ port #
expose: give @ a service
create: create namespace @
create: create a namespace called @
create: make a new namespace @
create: add namespace @
create: set up namespace @
create: create a deployment @ with image img
create: create deployment @ image img # replicas
create: deploy img as @
create: deploy img with # replicas
create: deploy nginx # there with # replicas
create: run img as a deployment named @
create: launch a pod @ running img
create: create a pod @ with image img
create: start a pod called @ from img
create: spin up a deployment @ using img
create: new deployment @ img
create: create a configmap @ with kv
create: make a config map @ holding kv
create: create a secret @ with kv
create: store kv in a new secret @
create: create a secret @ with password #
create: autoscale @ between # and # pods at pct cpu
create: add an hpa for @ min # max #
create: set up autoscaling for @ from # to # replicas
create: create a horizontal pod autoscaler for @
create: make @ autoscale up to # replicas
create: create a service account @
create: create a role @ that can read pods
create: give service account @ read only access to pods
create: grant @ permission to list pods
create: bind role @ to service account @
create: create a rolebinding for @
create: create a network policy that denies all ingress
create: only allow traffic to @ from @
create: block all traffic to @ except from @
create: allow @ to talk to @ on port #
create: allow dns egress from @
create: create a statefulset @ with img and a q volume
create: create a stateful set @ with volume claim templates
create: create a pod @ with a sidecar img
create: create a pod with an init container img
create: create a pod @ mounting configmap @
create: create a deployment @ with env from secret @
create: add a canary of @ with img
create: create a canary deployment for @
create: set up a canary of @ next to the stable one
create: create namespace @ with a quota of # pods
create: create namespace @ with default deny
create: create a resource quota for @
create: create namespace @ and deploy img there
create: provision a namespace @
create: generate a deployment @
create: i need a new deployment @ running img
create: build a pod @ from img
create: create a job @ running img
create: create a cronjob @ running img every # minutes
create: add a service @ selecting @ on port #
create: create a service @ port #
delete: delete @
delete: delete the @ deployment
delete: remove @
delete: delete pod @
delete: delete namespace @
delete: get rid of @
delete: tear down @
delete: destroy @
delete: nuke @
delete: drop @
delete: kill pod @
delete: remove the @ service
delete: delete the configmap @
delete: delete @ and @
delete: delete them
delete: uninstall @
delete: erase @
delete: clean up @
delete: remove the @ claim
cordon: cordon @
cordon: cordon node @
cordon: mark @ unschedulable
cordon: stop scheduling pods on @
cordon: make @ unschedulable
cordon: prevent new pods from landing on @
cordon: take @ out of scheduling
cordon: disable scheduling on node @
uncordon: uncordon @
uncordon: uncordon node @
uncordon: mark @ schedulable again
uncordon: make @ schedulable
uncordon: allow scheduling on @ again
uncordon: put @ back into rotation
uncordon: re-enable scheduling on node @
uncordon: let pods schedule on @ again
drain: drain @
drain: drain node @
drain: evacuate @
drain: drain @ for maintenance
drain: move all pods off @
drain: empty node @
drain: evict everything from @
drain: prepare @ for maintenance by draining it
drain: take @ down for maintenance
label: label @ with kv
label: add label kv to @
label: label @ kv
label: tag @ with kv
label: put label kv on @
label: set label kv on @
label: give @ the label kv
label: remove label @ from @
label: remove the @ label from @
label: delete label @ from @
label: unlabel @
label: drop the label @ from @
label: label the @ deployment kv
annotate: annotate @ with kv
annotate: add annotation kv to @
annotate: annotate @ kv
annotate: set annotation kv on @
annotate: put annotation kv on @
annotate: remove annotation @ from @
annotate: delete the @ annotation from @
annotate: attach note kv to @ as annotation
logs: show logs of @
logs: logs of @
logs: @ logs
logs: tail @ logs
logs: errors in @ logs in the last # minutes
logs: grep for timeout in @ logs
logs: show me the last # lines of @ logs
logs: what did @ print
logs: read the log output of @
logs: stream @ logs
logs: fetch logs from @
logs: what is @ logging
logs: show @ output
logs: check @ logs for errors
logs: any exceptions in the @ logs
logs: search @ logs for error
logs: view @ log
logs: dump the logs of @
list: list pods
list: list pods in @
list: show all nodes
list: get services in @
list: what deployments are there
list: which pods are pending
list: pods not running in @
list: list deployments
list: show me all pods
list: what pods are running
list: what images are running
list: which images are deployed
list: list container images
list: show events in @
list: list services
list: get pods with label kv
list: show pods labelled kv
list: list deployments with label kv
list: find pods matching kv
list: which pods have the label kv
list: get services with selector kv
list: what is running in @
list: enumerate the deployments
list: how many pods are there
list: show all configmaps
list: list everything in @
list: list all namespaces
list: which nodes do we have
list: show the pvcs
list: list secrets in @
list: which pods are failing
list: which pods are not ready
list: display statefulsets
list: what versions are deployed
get: describe @
get: describe deployment @
get: show me @
get: get @
get: details of @
get: status of @
get: what is the status of @
get: how many replicas does @ have
get: show the @ deployment
get: inspect @
get: what image does @ use
get: print @ as yaml
get: tell me about @
get: info on @
get: show @ config
get: what does @ look like
analyze: what is wrong with @
analyze: why is @ pending
analyze: why is @ crashing
analyze: diagnose @
analyze: is @ healthy
analyze: troubleshoot @
analyze: debug @
analyze: investigate @
analyze: why does @ keep restarting
analyze: why is @ not ready
analyze: what is wrong in @
analyze: check @ for problems
analyze: anything wrong with @
analyze: why are the @ pods failing
analyze: why wont @ start
analyze: is something broken
analyze: what is going on with @
analyze: find problems in @
analyze: why is @ stuck
analyze: explain why @ fails
analyze: why is @ down
analyze: health check @
analyze: are there any issues in the cluster
switchTraffic: switch service @ to green
switchTraffic: switch @ to green
switchTraffic: point @ at the green deployment
switchTraffic: route @ traffic to blue
switchTraffic: cut over @ to green
switchTraffic: flip @ to blue
switchTraffic: send @ traffic to the green version
switchTraffic: move traffic of @ to green
switchTraffic: shift all traffic for @ to @
switchTraffic: make @ serve the green pods
switchTraffic: switch traffic from blue to green for @
fix: fix @
fix: fix the error in deployment @
fix: repair @
fix: fix the crashing pod
fix: heal @
fix: remediate @
fix: @ is broken fix it
fix: make @ work again
fix: resolve the problem with @
fix: fix the oom pod
fix: sort out @
fix: fix whatever is wrong with @
fix: fix the image pull error of @
fix: repair the broken deployment
changes: what changed in the last hour
changes: what changed recently
changes: show recent changes
changes: what was modified in the last # minutes
changes: which deployments changed today
changes: recent rollouts
changes: what happened in the cluster in the past hour
changes: who changed what
changes: show me the latest changes in @
changes: what has been updated since yesterday
changes: any changes in the last # hours
changes: list recent events and rollouts
metrics: which pods use the most memory
metrics: which pods use the most cpu
metrics: top pods by memory
metrics: show pods using the most memory
metrics: what is consuming the most cpu
metrics: heaviest pods by ram
metrics: cpu usage of nodes
metrics: memory usage of @
metrics: error rate of @
metrics: request rate of @
metrics: which pods restart the most
unsupported: exec into @ and run ls
unsupported: open a shell in @
unsupported: port-forward @ #
unsupported: ssh into @
unsupported: copy a file from @
unsupported: attach to @
unsupported: make me a sandwich
unsupported: make coffee
unsupported: what is the weather today
unsupported: tell me a joke
unsupported: who won the game
unsupported: write a poem
unsupported: order pizza
unsupported: book a flight to paris
unsupported: how do i cook rice
unsupported: sing a song
unsupported: translate hello to french
unsupported: what time is it
unsupported: play music
unsupported: send an email to bob
unsupported: buy bitcoin
unsupported: asdf qwerty zxcv
unsupported: banana purple elephant
unsupported: hello
unsupported: thanks
unsupported: upgrade kubernetes to the next minor version
unsupported: install helm chart
unsupported: rotate the cluster certificates
`;

/** One labelled example of the corpus. */
export interface Example {
  action: string;
  text: string;
}

/** The corpus as examples. */
export function corpusExamples(): Example[] {
  return ACTION_CORPUS.split('\n')
    .map((line) => line.match(/^(\w+):\s*(.+)$/))
    .filter((m): m is RegExpMatchArray => m !== null)
    .map((m) => ({ action: m[1] as string, text: (m[2] as string).trim() }));
}
