/**
 * Benchmark of the simulated cluster's write admission: creates N pods (with requests and limits) through the API
 * write path (`createObject`: defaulting, LimitRange, validation, ResourceQuota, field management) in a namespace
 * without and with a ResourceQuota + LimitRange (whose `status.used` is recomputed on every change), then server-side
 * applies N config maps. Goal: a quota'd create under 1 ms at N = 2000 (it was 38 ms before usage was tracked
 * incrementally).
 *
 *   npx tsx bench/kubeSimAdmission.ts [pods=2000]
 */
import { createObject, SimApi } from '@opspilot/kube-sim';
import { patchObject } from '../packages/kube-sim/src/server/patchObject.js';

const n = Number(process.argv[2] ?? 2000);
const api = new SimApi();
const type = (g: string, p: string) => api.registry.find(g, 'v1', p)!;
const pod = (name: string, namespace: string) => ({
  metadata: { name, namespace },
  spec: {
    containers: [
      {
        name: 'app',
        image: 'nginx:1.27',
        resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { cpu: '10m', memory: '16Mi' } },
      },
    ],
  },
});

function run(namespace: string): number {
  createObject(api.write, type('', 'namespaces'), { metadata: { name: namespace } }, undefined, false);
  const started = performance.now();
  for (let i = 0; i < n; i++) createObject(api.write, type('', 'pods'), pod(`p${i}`, namespace), namespace, false);
  return (performance.now() - started) / n;
}

const plain = run('plain');
createObject(api.write, type('', 'namespaces'), { metadata: { name: 'quoted' } }, undefined, false);
createObject(
  api.write,
  type('', 'resourcequotas'),
  {
    metadata: { name: 'q' },
    spec: { hard: { pods: String(n * 2), 'requests.cpu': '1000', 'limits.memory': '1000Gi' } },
  },
  'quoted',
  false,
);
createObject(
  api.write,
  type('', 'limitranges'),
  { metadata: { name: 'l' }, spec: { limits: [{ type: 'Container', max: { cpu: '2' } }] } },
  'quoted',
  false,
);
const started = performance.now();
for (let i = 0; i < n; i++) createObject(api.write, type('', 'pods'), pod(`p${i}`, 'quoted'), 'quoted', false);
const quoted = (performance.now() - started) / n;

const applyStart = performance.now();
for (let i = 0; i < n; i++) {
  const body = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `c${i}` }, data: { a: String(i) } };
  patchObject(api.write, type('', 'configmaps'), 'application/apply-patch+yaml', body, 'plain', `c${i}`, {
    dryRun: false,
    manager: 'bench',
  });
}
const apply = (performance.now() - applyStart) / n;
const used = (api.store.get(type('', 'resourcequotas'), 'quoted', 'q').status as { used: Record<string, string> }).used;

console.log(`pods per namespace: ${n}`);
console.log(`create pod, no quota:            ${plain.toFixed(3)} ms`);
console.log(
  `create pod, quota + LimitRange:  ${quoted.toFixed(3)} ms (status.used pods=${used.pods}, requests.cpu=${used['requests.cpu']})`,
);
console.log(`server-side apply config map:    ${apply.toFixed(3)} ms`);
