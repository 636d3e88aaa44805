import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimCluster, startSimCluster } from '../startSimCluster.js';
import { createKubectl, type KubectlResult } from '../testing/index.js';
import { admissionAuditLog } from './admissionPolicies.js';

let sim: SimCluster;
let kc: k8s.KubeConfig;
let kubectl: (args: string[], input?: string) => Promise<KubectlResult>;

const policy = `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: {name: replica-limit}
spec:
  failurePolicy: Fail
  matchConstraints:
    resourceRules:
      - {apiGroups: [apps], apiVersions: [v1], operations: [CREATE, UPDATE], resources: [deployments]}
  variables:
    - {name: replicas, expression: "has(object.spec.replicas) ? object.spec.replicas : 1"}
  validations:
    - expression: variables.replicas <= 3
      messageExpression: "'replicas must be at most 3, not ' + string(variables.replicas)"
    - expression: "has(object.metadata.labels) && 'owner' in object.metadata.labels"
      message: the owner label is required
      reason: Forbidden
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: {name: no-lb}
spec:
  matchConstraints:
    resourceRules:
      - {apiGroups: [""], apiVersions: [v1], operations: [CREATE, UPDATE], resources: [services]}
  validations:
    - expression: "object.spec.type != 'LoadBalancer'"
`;

const bindings = `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: {name: replica-limit-shop}
spec:
  policyName: replica-limit
  validationActions: [Deny]
  matchResources:
    namespaceSelector: {matchLabels: {tier: shop}}
    objectSelector: {matchExpressions: [{key: exempt, operator: DoesNotExist}]}
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: {name: no-lb-warn}
spec:
  policyName: no-lb
  validationActions: [Warn, Audit]
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: {name: dangling}
spec:
  policyName: does-not-exist
  validationActions: [Deny]
`;

const deployment = (name: string, replicas: number, labels: Record<string, string> = { owner: 'a' }) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, labels },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'a', image: 'nginx:1.27' }] } },
  },
});

beforeAll(async () => {
  sim = await startSimCluster();
  kc = new k8s.KubeConfig();
  kc.loadFromString(sim.kubeconfig);
  kubectl = createKubectl(sim.kubeconfig);
  const core = kc.makeApiClient(k8s.CoreV1Api);
  await core.createNamespace({ body: { metadata: { name: 'shop', labels: { tier: 'shop' } } } });
  await core.createNamespace({ body: { metadata: { name: 'lab' } } });
  for (const yaml of [policy, bindings]) {
    const r = await kubectl(['apply', '-f', '-'], yaml);
    expect(r.code, r.stderr).toBe(0);
  }
}, 120_000);
afterAll(async () => sim?.stop());

describe('ValidatingAdmissionPolicy admission', () => {
  it('denies a create with the API server message, code 422 and reason; admits a compliant one (client-node)', async () => {
    const apps = kc.makeApiClient(k8s.AppsV1Api);
    const error = await apps
      .createNamespacedDeployment({ namespace: 'shop', body: deployment('big', 5) })
      .catch((e: k8s.ApiException<string>) => e);
    expect((error as k8s.ApiException<string>).code).toBe(422);
    const status = JSON.parse((error as k8s.ApiException<string>).body);
    expect(status).toMatchObject({
      kind: 'Status',
      reason: 'Invalid',
      message:
        "deployments.apps \"big\" is forbidden: ValidatingAdmissionPolicy 'replica-limit' with binding 'replica-limit-shop' denied request: replicas must be at most 3, not 5",
    });
    expect(status.details.causes[0].message).toMatch(/^ValidatingAdmissionPolicy 'replica-limit'/);
    const unowned = await apps
      .createNamespacedDeployment({ namespace: 'shop', body: deployment('unowned', 1, {}) })
      .catch((e: k8s.ApiException<string>) => e);
    expect((unowned as k8s.ApiException<string>).code).toBe(403);
    expect(JSON.parse((unowned as k8s.ApiException<string>).body).message).toContain(
      'denied request: the owner label is required',
    );
    await apps.createNamespacedDeployment({ namespace: 'shop', body: deployment('small', 2) });
  });

  it('honours the namespace and object selectors and evaluates updates with the new object', async () => {
    const apps = kc.makeApiClient(k8s.AppsV1Api);
    await apps.createNamespacedDeployment({ namespace: 'lab', body: deployment('big', 9) });
    await apps.createNamespacedDeployment({ namespace: 'shop', body: deployment('exempt', 9, { exempt: 'y' }) });
    const scaled = await kubectl(['patch', 'deployment/small', '-n', 'shop', '-p', '{"spec":{"replicas":7}}']);
    expect(scaled.code).not.toBe(0);
    expect(scaled.stderr).toContain(
      "ValidatingAdmissionPolicy 'replica-limit' with binding 'replica-limit-shop' denied request: replicas must be at most 3, not 7",
    );
    const live = await apps.readNamespacedDeployment({ namespace: 'shop', name: 'small' });
    expect(live.spec?.replicas).toBe(2);
    expect((await kubectl(['patch', 'deployment/small', '-n', 'shop', '-p', '{"spec":{"replicas":3}}'])).code).toBe(0);
    // the rule names deployments, not deployments/scale: the scale subresource is not matched, as on a real server
    expect((await kubectl(['scale', 'deployment/small', '-n', 'shop', '--replicas=7'])).code).toBe(0);
  });

  it('warns with a Warning header under Warn, records Audit, and ignores bindings to missing policies (kubectl)', async () => {
    const svc = `apiVersion: v1
kind: Service
metadata: {name: public, namespace: lab}
spec: {type: LoadBalancer, selector: {app: x}, ports: [{port: 80}]}
`;
    const r = await kubectl(['apply', '-f', '-'], svc);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      "Warning: Validation failed for ValidatingAdmissionPolicy 'no-lb' with binding 'no-lb-warn': failed expression: object.spec.type != 'LoadBalancer'",
    );
    expect(admissionAuditLog(sim.store)).toContainEqual(
      expect.objectContaining({ policy: 'no-lb', binding: 'no-lb-warn', operation: 'CREATE', name: 'public' }),
    );
    const dry = await kubectl(['apply', '--dry-run=server', '-f', '-'], deploymentYaml('dry', 8));
    expect(dry.code).not.toBe(0);
    expect(dry.stderr).toContain('denied request: replicas must be at most 3, not 8');
  });

  it('treats an expression error as a denial under failurePolicy Fail and lists the kinds (kubectl get)', async () => {
    const r = await kubectl(
      ['apply', '-f', '-'],
      `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: {name: broken}
spec:
  matchConstraints:
    resourceRules: [{apiGroups: [""], apiVersions: [v1], operations: [CREATE], resources: [configmaps]}]
  validations: [{expression: "object.data.missing == 'x'"}]
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: {name: broken}
spec: {policyName: broken, validationActions: [Deny]}
`,
    );
    expect(r.code, r.stderr).toBe(0);
    const cm = await kubectl(
      ['create', '-f', '-'],
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: lab}\ndata: {a: b}\n',
    );
    expect(cm.code).not.toBe(0);
    expect(cm.stderr).toMatch(
      /ValidatingAdmissionPolicy 'broken' with binding 'broken' denied request: expression 'object.data.missing == 'x'' resulted in error/,
    );
    const list = await kubectl(['get', 'validatingadmissionpolicybindings']);
    expect(list.stdout).toMatch(/replica-limit-shop/);
  });
});

function deploymentYaml(name: string, replicas: number): string {
  return JSON.stringify({
    ...deployment(name, replicas),
    metadata: { name, namespace: 'shop', labels: { owner: 'a' } },
  });
}
