import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimCluster, startSimCluster } from './startSimCluster.js';
import { createKubectl } from './testing/kubectl.js';

let sim: SimCluster;
let kubectl: ReturnType<typeof createKubectl>;
beforeAll(async () => {
  sim = await startSimCluster({ controllers: false });
  kubectl = createKubectl(sim.kubeconfig);
});
afterAll(() => sim.stop());

const manifest = (kind: string) => `apiVersion: admissionregistration.k8s.io/v1
kind: ${kind}
metadata: { name: policy }
webhooks:
  - name: policy.example.com
    clientConfig: { service: { name: policy-svc, namespace: default, path: /validate } }
    rules: [{ operations: [CREATE], apiGroups: [""], apiVersions: [v1], resources: [pods] }]
    admissionReviewVersions: [v1]
    sideEffects: None
`;

describe('admission webhook configurations', () => {
  it('are stored, listed with their webhook count and explained like on a real server', async () => {
    for (const kind of ['ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration']) {
      const applied = await kubectl(['apply', '-f', '-'], manifest(kind));
      expect(applied.stdout).toContain(`${kind.toLowerCase()}.admissionregistration.k8s.io/policy created`);
      const listed = await kubectl(['get', `${kind.toLowerCase()}s`]);
      expect(listed.stdout).toMatch(/NAME\s+WEBHOOKS\s+AGE\npolicy\s+1\s+/);
    }
    const explained = await kubectl(['explain', 'validatingwebhookconfiguration.webhooks.clientConfig.service']);
    expect(explained.code).toBe(0);
    expect(explained.stdout).toContain('namespace');
  });
});
