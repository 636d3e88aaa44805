import { describe, expect, it } from 'vitest';
import { generateFromProject } from '../generate/project/generateFromProject.js';
import { validateFiles } from '../validate/validateFiles.js';
import { detectProject } from './detectProject.js';
import type { ProjectFile } from './projectFiles.js';

const main = (body: string, imports = '"net/http"') =>
  `package main\n\nimport (\n\t${imports}\n)\n\nfunc main() {\n${body}\n}\n`;

/** A module with an HTTP API, a gRPC-less worker (no port) and a shared package reading the database URL. */
const SHOP: ProjectFile[] = [
  { path: 'go.mod', content: 'module github.com/acme/shop\n\ngo 1.24.1\n' },
  { path: 'go.sum', content: '' },
  {
    path: 'cmd/api/main.go',
    content: main(
      '\thttp.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {})\n\thttp.ListenAndServe(":8081", nil)',
    ),
  },
  { path: 'cmd/worker/main.go', content: main('\tfor {\n\t}', '"time"') },
  {
    path: 'internal/store/store.go',
    content: 'package store\n\nimport "os"\n\nvar URL = os.Getenv("DATABASE_URL")\n',
  },
  { path: 'internal/store/store_test.go', content: 'package store\n' },
];

function detect(files: ProjectFile[]) {
  const r = detectProject(files, { name: 'shop' });
  if (!r.ok) throw r.error;
  return r.value;
}

describe('detectGoApp: one service per program', () => {
  it('yields each cmd/* program of a module as a service in its own folder, built from the module', () => {
    const project = detect(SHOP);
    expect(project.apps.map((a) => [a.name, a.path, a.port, a.facts.mainPackage])).toEqual([
      ['api', 'cmd/api', 8081, './cmd/api'],
      ['worker', 'cmd/worker', 8080, './cmd/worker'],
    ]);
    const [api, worker] = project.apps;
    expect(api).toMatchObject({ healthPath: '/healthz', runtimeVersion: '1.24', env: ['DATABASE_URL'] });
    expect(api!.facts.buildContext).toBe('');
    expect(api!.notes ?? []).toEqual([]);
    // The worker imports the shared package too; it listens on nothing, which the note says.
    expect(worker).toMatchObject({ env: ['DATABASE_URL'] });
    expect(worker!.healthPath).toBeUndefined();
    expect(worker!.notes?.[0]).toContain('no listening port found in cmd/worker/');
  });

  it('keeps one program as one service named after the module, in the module folder', () => {
    const project = detect(SHOP.filter((f) => !f.path.startsWith('cmd/worker')));
    expect(project.apps).toHaveLength(1);
    expect(project.apps[0]).toMatchObject({ name: 'shop', path: '', facts: { mainPackage: './cmd/api' } });
    expect(project.apps[0]!.facts.buildContext).toBeUndefined();
  });

  it('builds the programs of a go.work module from the workspace root, a program with its own Dockerfile keeping it', () => {
    const under = (dir: string, files: ProjectFile[]) => files.map((f) => ({ ...f, path: `${dir}/${f.path}` }));
    const project = detect([
      { path: 'go.work', content: 'go 1.24.1\n\nuse (\n\t./services/shop\n\t./libs/money\n)\n' },
      ...under('services/shop', SHOP),
      {
        path: 'services/shop/cmd/worker/Dockerfile',
        content:
          'FROM golang:1.24.1-alpine3.21 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/worker ./cmd/worker\n\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /out/worker /worker\nUSER 10001:10001\nEXPOSE 9090\nENTRYPOINT ["/worker"]\n',
      },
      { path: 'libs/money/go.mod', content: 'module github.com/acme/money\n\ngo 1.24.1\n' },
      { path: 'libs/money/money.go', content: 'package money\n' },
    ]);
    expect(project.apps.map((a) => a.name)).toEqual(['api', 'worker']);
    expect(project.apps[0]!.facts).toMatchObject({ buildContext: '', module: 'services/shop' });
    expect(project.apps[1]).toMatchObject({ port: 9090, facts: { dockerfile: 'services/shop/cmd/worker/Dockerfile' } });
  });

  it('notes a module Dockerfile that several programs cannot share', () => {
    const project = detect([...SHOP, { path: 'Dockerfile', content: 'FROM scratch\n' }]);
    expect(project.apps.map((a) => a.name)).toEqual(['api', 'worker']);
    expect(project.notes?.join('\n')).toContain('Dockerfile is not used: the module has 2 programs (api, worker)');
  });

  it('generates a Dockerfile per program that builds it and validates clean; --service picks one', async () => {
    const r = generateFromProject('dockerfile', SHOP, { name: 'shop' });
    if (!r.ok) throw r.error;
    expect(r.value.files.map((f) => f.path)).toEqual([
      'cmd/api/Dockerfile',
      'cmd/api/Dockerfile.dockerignore',
      'cmd/worker/Dockerfile',
      'cmd/worker/Dockerfile.dockerignore',
    ]);
    const api = r.value.files[0]!.content;
    expect(api).toContain('docker build -f cmd/api/Dockerfile -t api:0.1.0 .');
    expect(api).toContain('COPY go.mod go.sum* ./');
    expect(api).toContain('-o /out/server ./cmd/api');
    expect(api).toContain('FROM golang:1.24');
    expect(api).toContain('EXPOSE 8081');
    const report = await validateFiles(r.value.files);
    expect(report.findings.filter((f) => f.severity !== 'INFO')).toEqual([]);

    const k8s = generateFromProject('k8s', SHOP, { name: 'shop', namespace: 'shop' });
    if (!k8s.ok) throw k8s.error;
    const manifests = k8s.value.files.map((f) => f.content).join('\n');
    expect(manifests).toContain('image: shop/api:0.1.0');
    expect(manifests).toContain('image: shop/worker:0.1.0');
    const checked = await validateFiles(k8s.value.files);
    expect(checked.findings.filter((f) => f.severity !== 'INFO')).toEqual([]);

    const one = generateFromProject('helm-chart', SHOP, { name: 'shop', services: ['worker'] });
    if (!one.ok) throw one.error;
    expect(one.value.project.apps.map((a) => a.name)).toEqual(['worker']);
  });
});
