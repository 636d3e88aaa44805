import { describe, expect, it } from 'vitest';
import { validateFiles } from './validateFiles.js';

const rulesOf = async (files: { path: string; content: string }[], crdSchemas?: Parameters<typeof validateFiles>[1]) =>
  (await validateFiles(files, crdSchemas)).findings.map((f) => [f.file, f.rule, f.severity, f.message]);

// A kube-prometheus-shaped CRD (trimmed, written here) and resources of its kind.
const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: servicemonitors.monitoring.coreos.com
spec:
  group: monitoring.coreos.com
  names: { kind: ServiceMonitor, plural: servicemonitors, singular: servicemonitor, listKind: ServiceMonitorList }
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            apiVersion: { type: string }
            kind: { type: string }
            metadata: { type: object }
            spec:
              type: object
              required: [selector]
              properties:
                jobLabel: { type: string }
                endpoints:
                  type: array
                  items:
                    type: object
                    properties:
                      port: { type: string }
                      interval: { type: string, pattern: '^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$' }
                      scheme: { type: string, enum: [http, https] }
                selector:
                  type: object
                  x-kubernetes-preserve-unknown-fields: true
`;

const monitor = (spec: string) =>
  `apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: web\n  namespace: shop\nspec:\n${spec}`;

describe('schemas: unknown kinds, API versions and custom resources', () => {
  it('refuses a misspelt kind, an API version that does not exist and a built-in kind in a wrong group, with a suggestion', async () => {
    const meta = 'metadata:\n  name: web\n  namespace: shop\n';
    const found = await rulesOf([
      { path: 'a.yaml', content: `apiVersion: apps/v1\nkind: Deploymnet\n${meta}` },
      { path: 'b.yaml', content: `apiVersion: apps/v2\nkind: Deployment\n${meta}` },
      { path: 'c.yaml', content: `apiVersion: app/v1\nkind: StatefulSet\n${meta}` },
      { path: 'd.yaml', content: `apiVersion: v1\nkind: configmap\n${meta}data: {}\n` },
    ]);
    const unknown = found.filter(([, rule]) => rule === 'k8s-unknown-kind');
    expect(unknown).toEqual([
      ['a.yaml', 'k8s-unknown-kind', 'ERROR', 'apps/v1 has no kind Deploymnet; did you mean Deployment?'],
      [
        'b.yaml',
        'k8s-unknown-kind',
        'ERROR',
        'apps/v2 is not a Kubernetes API version; Deployment is served as apps/v1',
      ],
      [
        'c.yaml',
        'k8s-unknown-kind',
        'ERROR',
        'app/v1 is not an API group that serves StatefulSet; did you mean apps/v1?',
      ],
      ['d.yaml', 'k8s-unknown-kind', 'ERROR', 'v1 has no kind configmap; did you mean ConfigMap?'],
    ]);
  });

  it('checks custom resources against the openAPIV3Schema of a CRD in the input', async () => {
    const good = monitor(
      '  selector:\n    matchLabels: { app: web }\n  endpoints:\n    - port: http\n      interval: 30s\n',
    );
    const bad = monitor(
      '  endpoints:\n    - port: 8080\n      interval: 30 seconds\n      scheme: tcp\n      path: /metrics\n',
    );
    const found = await rulesOf([
      { path: 'crds/servicemonitor.yaml', content: CRD },
      { path: 'good.yaml', content: good },
      { path: 'bad.yaml', content: bad },
      {
        path: 'typo.yaml',
        content: monitor('  selector: {}\n').replace('kind: ServiceMonitor', 'kind: ServiceMonitors'),
      },
    ]);
    const schema = found.filter(([, rule]) => rule === 'k8s-schema' || rule === 'k8s-unknown-kind');
    expect(schema.filter(([file]) => file === 'good.yaml')).toEqual([]);
    expect(schema.filter(([file]) => file === 'bad.yaml').map(([, , , m]) => m)).toEqual([
      'spec: required field "selector" is missing (schema of the ServiceMonitor CRD)',
      'spec.endpoints[0].port must be string, not integer (schema of the ServiceMonitor CRD)',
      expect.stringMatching(/^spec\.endpoints\[0\]\.interval does not match/),
      'spec.endpoints[0].scheme must be one of "http", "https" (schema of the ServiceMonitor CRD)',
      'spec.endpoints[0].path is not a field of this kind (schema of the ServiceMonitor CRD)',
    ]);
    expect(schema.filter(([file]) => file === 'typo.yaml')).toEqual([
      [
        'typo.yaml',
        'k8s-unknown-kind',
        'ERROR',
        'no CRD of the input defines monitoring.coreos.com/v1 ServiceMonitors; did you mean ServiceMonitor?',
      ],
    ]);
  });

  it('uses schemas of a CRD-catalog folder and leaves custom resources with no known schema alone', async () => {
    const schema = {
      type: 'object',
      properties: {
        spec: { type: 'object', properties: { replicas: { type: 'integer' } }, additionalProperties: false },
      },
    };
    const cr = (replicas: string) =>
      `apiVersion: example.com/v1alpha1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  replicas: ${replicas}\n`;
    const options = { crdSchemas: [{ group: 'example.com', kind: 'widget', version: 'v1alpha1', schema }] };
    expect(await rulesOf([{ path: 'w.yaml', content: cr('3') }], options)).toEqual([]);
    expect((await rulesOf([{ path: 'w.yaml', content: cr('"three"') }], options)).map(([, r]) => r)).toEqual([
      'k8s-schema',
    ]);
    const argo =
      'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: guestbook\nspec:\n  project: default\n';
    expect(await rulesOf([{ path: 'app.yaml', content: argo }])).toEqual([]);
  });

  it('accepts a null toleration effect and YAML merge keys, as the API server does', async () => {
    const pod = `apiVersion: v1
kind: Pod
metadata:
  name: tolerant
  namespace: shop
x-defaults: &defaults
  image: registry.example.com/app:1.0.0
spec:
  tolerations:
    - key: dedicated
      operator: Exists
      effect:
  containers:
    - <<: *defaults
      name: app
`;
    const found = await rulesOf([
      {
        path: 'pod.yaml',
        content: pod
          .replace(/^x-defaults.*\n.*\n/m, '')
          .replace('    - <<: *defaults\n', '    - image: registry.example.com/app:1.0.0\n'),
      },
    ]);
    expect(found.filter(([, r, s]) => s === 'ERROR' && String(r).startsWith('k8s-'))).toEqual([]);
    const merged = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: shop
data:
  base: &base
    LOG_LEVEL: info
`;
    const anchors = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: &labels
      app: web
  template:
    metadata:
      labels:
        <<: *labels
        tier: front
    spec:
      containers:
        - name: web
          image: registry.example.com/web:1.0.0
`;
    const errors = (
      await rulesOf([
        { path: 'cm.yaml', content: merged },
        { path: 'web.yaml', content: anchors },
      ])
    ).filter(([, r]) =>
      ['yaml-syntax', 'yaml-duplicate-key', 'k8s-unknown-field', 'k8s-schema', 'selector-template-labels'].includes(
        String(r),
      ),
    );
    expect(errors.filter(([file]) => file === 'web.yaml')).toEqual([]);
  });
});

describe('YAML that is not a manifest', () => {
  it('skips tool configurations, CI files and JSON configs with an info line', async () => {
    const report = await validateFiles([
      {
        path: 'hack/kind-config.yaml',
        content: 'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n  - role: control-plane\n',
      },
      {
        path: 'skaffold.yaml',
        content: 'apiVersion: skaffold/v4beta6\nkind: Config\nbuild:\n  artifacts:\n    - image: web\n',
      },
      { path: 'dev/cluster.yaml', content: 'apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n' },
      { path: '.github/workflows/ci.yml', content: 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n' },
      { path: 'tsconfig.json', content: '{\n  // comments are fine in tsconfig\n  "compilerOptions": {}\n}\n' },
      { path: 'docker-compose.yml', content: 'services:\n  web:\n    image: web\n' },
    ]);
    expect(report.findings.map((f) => [f.file, f.rule, f.severity])).toEqual([
      ['.github/workflows/ci.yml', 'not-a-manifest', 'INFO'],
      ['dev/cluster.yaml', 'not-a-manifest', 'INFO'],
      ['docker-compose.yml', 'not-a-manifest', 'INFO'],
      ['hack/kind-config.yaml', 'not-a-manifest', 'INFO'],
      ['skaffold.yaml', 'not-a-manifest', 'INFO'],
      ['tsconfig.json', 'not-a-manifest', 'INFO'],
    ]);
    expect(report.findings.find((f) => f.file === 'skaffold.yaml')?.message).toBe(
      'skaffold.yaml is a development tool configuration, not a Kubernetes manifest: skipped',
    );
    expect(report.valid).toBe(true);
  });
});
