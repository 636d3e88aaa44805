/**
 * The runbooks opspilot ships, as the YAML a user would write: a bad rollout rolled back, a crash loop after a
 * config change reverted, an OOM-killed workload given more memory, a NotReady node cordoned and drained, a saturated
 * workload scaled out, a noisy neighbour's CPU capped. Saved like user-defined ones (version 1, by `system`), so they can be read, copied and changed.
 */
export const SHIPPED_RUNBOOKS: readonly string[] = [
  `apiVersion: opspilot.dev/v1
kind: Runbook
metadata:
  name: rollback-bad-rollout
  description: A rollout made things worse - roll the Deployment back to its previous revision.
triggers:
  causes: [bad-rollout]
parameters:
  namespace: { description: Namespace of the Deployment }
  workload: { description: The Deployment }
  kind: { required: false, default: Deployment }
steps:
  - id: status
    type: diagnostic
    action: kube:rollout-status
    with: { namespace: "{{ namespace }}", workload: "{{ workload }}" }
  - id: logs
    type: diagnostic
    action: kube:logs
    with: { namespace: "{{ namespace }}", workload: "{{ workload }}", tail: 30 }
  - id: roll-back
    type: action
    action: deployment:rollback
    with: { namespace: "{{ namespace }}", workload: "{{ workload }}" }
  - id: rolled-out
    type: check
    action: check:rollout-complete
    with: { namespace: "{{ namespace }}", workload: "{{ workload }}" }
    timeout_seconds: 300
`,
  `apiVersion: opspilot.dev/v1
kind: Runbook
metadata:
  name: revert-config-change
  description: Pods crash after a ConfigMap changed - put the ConfigMap back and restart the workload.
triggers:
  causes: [config-change]
parameters:
  namespace: {}
  workload: {}
  kind: { required: false, default: Deployment }
  configmap: {}
  operation_id: { description: The operation that changed the ConfigMap (named by the root-cause analysis) }
steps:
  - id: events
    type: diagnostic
    action: kube:events
    with: { namespace: "{{ namespace }}" }
  - id: revert
    type: action
    action: configmap:revert
    with: { namespace: "{{ namespace }}", configmap: "{{ configmap }}", operation_id: "{{ operation_id }}" }
  - id: restart
    type: action
    action: workload:restart
    with: { namespace: "{{ namespace }}", workload: "{{ workload }}", kind: "{{ kind }}" }
  - id: rolled-out
    type: check
    action: check:rollout-complete
    with: { namespace: "{{ namespace }}", workload: "{{ workload }}", kind: "{{ kind }}" }
    timeout_seconds: 300
`,
  `apiVersion: opspilot.dev/v1
kind: Runbook
metadata:
  name: raise-memory-limit
  description: Containers are OOMKilled - double their memory limit and let the rollout finish.
triggers:
  causes: [oom]
parameters:
  namespace: {}
  workload: {}
  kind: { required: false, default: Deployment }
steps:
  - id: status
    type: diagnostic
    action: kube:rollout-status
    with: { namespace: "{{ namespace }}", workload: "{{ workload }}", kind: "{{ kind }}" }
  - id: raise
    type: action
    action: workload:set-memory-limit
    with: { namespace: "{{ namespace }}", workload: "{{ workload }}", kind: "{{ kind }}", factor: 2 }
  - id: rolled-out
    type: check
    action: check:rollout-complete
    with: { namespace: "{{ namespace }}", workload: "{{ workload }}", kind: "{{ kind }}" }
    timeout_seconds: 300
`,
  `apiVersion: opspilot.dev/v1
kind: Runbook
metadata:
  name: cordon-and-drain-node
  description: A node is NotReady - stop scheduling on it and move its pods elsewhere.
triggers:
  causes: [node-failure]
parameters:
  node: {}
steps:
  - id: node
    type: diagnostic
    action: kube:get
    with: { kind: Node, name: "{{ node }}" }
  - id: cordon
    type: action
    action: node:cordon
    with: { node: "{{ node }}" }
    rollback: { action: node:uncordon, with: { node: "{{ node }}" } }
  - id: drain
    type: action
    action: node:drain
    with: { node: "{{ node }}" }
  - id: drained
    type: check
    action: check:node-drained
    with: { node: "{{ node }}" }
    timeout_seconds: 300
`,
  `apiVersion: opspilot.dev/v1
kind: Runbook
metadata:
  name: scale-out
  description: A workload is saturated - add replicas to spread the load.
triggers:
  causes: [saturation, scaling-change]
parameters:
  namespace: {}
  workload: {}
  kind: { required: false, default: Deployment }
steps:
  - id: status
    type: diagnostic
    action: kube:rollout-status
    with: { namespace: "{{ namespace }}", workload: "{{ workload }}", kind: "{{ kind }}" }
  - id: scale
    type: action
    action: workload:scale
    with: { namespace: "{{ namespace }}", workload: "{{ workload }}", kind: "{{ kind }}", factor: 2 }
  - id: rolled-out
    type: check
    action: check:rollout-complete
    with: { namespace: "{{ namespace }}", workload: "{{ workload }}", kind: "{{ kind }}" }
    timeout_seconds: 300
`,
  `apiVersion: opspilot.dev/v1
kind: Runbook
metadata:
  name: limit-noisy-neighbour
  description: A pod without a CPU limit hogs its node and starves the pods beside it - cap its CPU at its request.
triggers:
  causes: [noisy-neighbour]
parameters:
  namespace: { description: Namespace of the hog }
  workload: { description: The hog's workload }
  kind: { required: false, default: Deployment }
steps:
  - id: status
    type: diagnostic
    action: kube:rollout-status
    with: { namespace: "{{ namespace }}", workload: "{{ workload }}", kind: "{{ kind }}" }
  - id: limit
    type: action
    action: workload:set-cpu-limit
    with: { namespace: "{{ namespace }}", workload: "{{ workload }}", kind: "{{ kind }}" }
  - id: rolled-out
    type: check
    action: check:rollout-complete
    with: { namespace: "{{ namespace }}", workload: "{{ workload }}", kind: "{{ kind }}" }
    timeout_seconds: 300
`,
];
