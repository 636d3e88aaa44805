import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createKustomizeRenderer } from '@opspilot/helm';
import { toolBinary } from '@opspilot/kube-sim/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputFile } from './types.js';
import { validateFiles } from './validateFiles.js';

// The argocd-example-apps shape: a base with a Deployment and a Service, a production overlay that renames,
// scales and patches it (a strategic-merge patch, which is not a whole object and must not be checked as one).
const TREE: Record<string, string> = {
  'kustomize-guestbook/base/kustomization.yaml': 'resources:\n  - deployment.yaml\n  - service.yaml\n',
  'kustomize-guestbook/base/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: guestbook-ui
spec:
  replicas: 1
  selector:
    matchLabels:
      app: guestbook-ui
  template:
    metadata:
      labels:
        app: guestbook-ui
    spec:
      containers:
        - name: guestbook-ui
          image: gcr.io/heptio-images/ks-guestbook-demo:0.2
          ports:
            - containerPort: 80
`,
  'kustomize-guestbook/base/service.yaml': `apiVersion: v1
kind: Service
metadata:
  name: guestbook-ui
spec:
  ports:
    - port: 80
      targetPort: 80
  selector:
    app: guestbook-ui
`,
  'kustomize-guestbook/overlays/prod/kustomization.yaml':
    'namePrefix: prod-\nnamespace: guestbook\nresources:\n  - ../../base\npatches:\n  - path: replicas.yaml\n',
  'kustomize-guestbook/overlays/prod/replicas.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: guestbook-ui\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n        - name: guestbook-ui\n          securityContext:\n            privileged: true\n',
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'opspilot-kustomize-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(tree: Record<string, string>): InputFile[] {
  return Object.entries(tree).map(([path, content]) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
    return { path, content };
  });
}

describe('kustomize input (real kubectl kustomize)', () => {
  it('builds the overlay once (its base with it), checks the output and maps findings back to the file writing them', async () => {
    const files = write(TREE);
    const report = await validateFiles(files, {
      kustomizeRenderer: createKustomizeRenderer({ cwd: dir, binary: toolBinary('kubectl') }),
    });
    const privileged = report.findings.filter((f) => f.rule === 'container-privileged');
    // One finding: the overlay's build, not the base again, nor the patch on its own.
    expect(privileged).toHaveLength(1);
    // The overlay's patch writes `privileged: true`: the finding points at that line of the patch.
    expect(privileged[0]).toMatchObject({
      file: 'kustomize-guestbook/overlays/prod/replicas.yaml',
      resource: 'Deployment/guestbook/prod-guestbook-ui',
      line: 12,
    });
    // The Service has no patch: its findings point at the base file.
    const service = report.findings.filter((f) => f.resource === 'Service/guestbook/prod-guestbook-ui');
    expect(service.every((f) => f.file === 'kustomize-guestbook/base/service.yaml')).toBe(true);
    expect(report.findings.filter((f) => f.rule.startsWith('k8s-'))).toEqual([]);
    expect(report.files.find((f) => f.path.endsWith('replicas.yaml'))?.kind).toBe('kustomize');
  });

  it('reports a kustomization that does not build with kustomize’s whole message', async () => {
    const files = write({ 'app/kustomization.yaml': 'resources:\n  - missing.yaml\n' });
    const report = await validateFiles(files, {
      kustomizeRenderer: createKustomizeRenderer({ cwd: dir, binary: toolBinary('kubectl') }),
    });
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({
      rule: 'kustomize-build',
      severity: 'ERROR',
      file: 'app/kustomization.yaml',
    });
    expect(report.findings[0]?.message).toMatch(/missing\.yaml/);
  });

  it('says a kustomization was not built when kubectl is unavailable, and never checks its patches as manifests', async () => {
    const report = await validateFiles(write(TREE));
    expect(report.findings.map((f) => [f.rule, f.file])).toEqual([
      ['kustomize-unavailable', 'kustomize-guestbook/overlays/prod/kustomization.yaml'],
    ]);
  });
});
