/**
 * Benchmark of the generators (pure, offline): parsing descriptions into manifests of every kind, and detecting a
 * 50-app monorepo and generating its Dockerfiles, plain manifests and one Helm chart. Goals: a description in
 * ≤ 1 ms; the 50-app project in ≤ 200 ms per target.
 *
 *   npx tsx bench/generate.ts [iterations=2000] [apps=50]
 */
import { generateFromProject, generateManifest, type ManifestKind, type ProjectFile } from '@opspilot/manifests';

const iterations = Number(process.argv[2] ?? 2000);
const appCount = Number(process.argv[3] ?? 50);

const DESCRIPTIONS: [ManifestKind, string][] = [
  [
    'deployment',
    'api image ghcr.io/acme/api:1.4 3 replicas port 8080 512Mi cpu 250m health /healthz env LOG_LEVEL=info',
  ],
  ['service', 'api port 80 target port 8080 namespace shop'],
  ['ingress', 'api host api.example.com path /v1 tls class nginx'],
  ['configmap', 'api-config LOG_LEVEL=info FEATURE_X=on'],
  ['secret', 'api-secrets keys DATABASE_URL API_TOKEN'],
  ['hpa', 'api min 2 max 10 cpu 70%'],
  ['pdb', 'api min available 1'],
  ['networkpolicy', 'api allow from web and gateway port 8080'],
  ['job', 'migrate image ghcr.io/acme/api:1.4 command "alembic upgrade head"'],
  ['cronjob', 'report image ghcr.io/acme/report:2.0 every 5 minutes'],
];

function monorepo(n: number): ProjectFile[] {
  const files: ProjectFile[] = [
    { path: 'package.json', content: '{"name":"mono","private":true,"workspaces":["apps/*"]}' },
  ];
  for (let i = 0; i < n; i++) {
    const dir = `apps/svc-${i}`;
    if (i % 3 === 0) {
      files.push({ path: `${dir}/requirements.txt`, content: 'fastapi==0.111.0\nuvicorn==0.29.0\n' });
      files.push({
        path: `${dir}/main.py`,
        content: `import os\nfrom fastapi import FastAPI\napp = FastAPI()\nDB = os.getenv("DATABASE_URL")\n@app.get("/health")\ndef h():\n    return {}\n`,
      });
    } else if (i % 3 === 1) {
      files.push({
        path: `${dir}/package.json`,
        content: JSON.stringify({
          name: `svc-${i}`,
          scripts: { start: 'node server.js' },
          dependencies: { express: '4' },
        }),
      });
      files.push({
        path: `${dir}/server.js`,
        content: `app.get('/healthz', h);\napp.listen(3000);\nprocess.env.API_TOKEN;\n`,
      });
    } else {
      files.push({ path: `${dir}/go.mod`, content: `module example.com/svc${i}\n\ngo 1.22\n` });
      files.push({
        path: `${dir}/main.go`,
        content: 'package main\nfunc main() { http.ListenAndServe(":8080", nil) }\n',
      });
    }
  }
  return files;
}

function time(label: string, runs: number, fn: () => void): void {
  fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) fn();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(`${label.padEnd(44)} ${(ms / runs).toFixed(3).padStart(9)} ms/op  (${runs} runs)`);
}

time(`generate <kind> "<description>" (10 kinds)`, iterations, () => {
  for (const [kind, description] of DESCRIPTIONS) if (!generateManifest(kind, description).ok) throw new Error(kind);
});
const files = monorepo(appCount);
for (const target of ['dockerfile', 'k8s', 'helm-chart'] as const) {
  time(`generate ${target} --from (${appCount} apps)`, 20, () => {
    const r = generateFromProject(target, files, { name: 'mono' });
    if (!r.ok || r.value.project.apps.length !== appCount) throw new Error(target);
  });
}
