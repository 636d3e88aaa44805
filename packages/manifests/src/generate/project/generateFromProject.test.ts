import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { readFixture } from '../../detect/__fixtures__/readFixture.js';
import { STACK_PROJECTS } from '../../detect/__fixtures__/stackProjects.js';
import { validateFiles } from '../../validate/validateFiles.js';
import { isSecretLike } from '../kube/secretEnv.js';
import { generateFromProject, type ProjectTarget } from './generateFromProject.js';

const TARGETS: ProjectTarget[] = ['dockerfile', 'k8s', 'helm-chart'];

describe('generateFromProject', () => {
  it.each(TARGETS)('generates %s files for the Todo app', (target) => {
    const result = generateFromProject(target, readFixture(), { name: 'todo' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.project.apps.map((a) => a.name)).toEqual(['backend', 'frontend']);
    const paths = result.value.files.map((f) => f.path);
    if (target === 'dockerfile') expect(paths).toContain('frontend/Dockerfile');
    if (target === 'k8s')
      expect(paths).toEqual(['k8s/backend.yaml', 'k8s/frontend.yaml', 'k8s/config.yaml', 'k8s/ingress.yaml']);
    if (target === 'helm-chart') expect(paths).toContain('charts/todo/Chart.yaml');
  });

  it.each([['todo', readFixture()] as const, ...Object.entries(STACK_PROJECTS)])(
    'writes plain manifests for %s that pass validation with zero errors',
    async (name, files) => {
      const result = generateFromProject('k8s', files, { name, namespace: 'apps' });
      if (!result.ok) throw result.error;
      const report = await validateFiles(result.value.files);
      expect(report.findings.filter((f) => f.severity !== 'INFO')).toEqual([]);
      const objects = result.value.files.flatMap((f) => parseAllDocuments(f.content).map((d) => d.toJS()));
      const apps = result.value.project.apps;
      expect(objects.filter((o) => o.kind === 'Deployment')).toHaveLength(apps.length);
      for (const dep of objects.filter((o) => o.kind === 'Deployment')) {
        const app = apps.find((a) => a.name === dep.metadata.name)!;
        const c = dep.spec.template.spec.containers[0];
        expect(c.ports[0].containerPort).toBe(app.port);
        // The Secret is referenced only when some app reads a credential (a missing Secret blocks the pods).
        const secrets = apps.some((a) => a.env.some(isSecretLike));
        expect(c.envFrom).toEqual([
          { configMapRef: { name: `${name}-config` } },
          ...(secrets ? [{ secretRef: { name: `${name}-secrets` } }] : []),
        ]);
        expect(dep.metadata.namespace).toBe('apps');
        if (app.healthPath) expect(c.readinessProbe.httpGet.path).toBe(app.healthPath);
      }
      const ingress = objects.find((o) => o.kind === 'Ingress');
      expect(ingress.spec.tls[0].hosts).toEqual([`${name}.local`]);
    },
  );

  it('routes the Todo backend under /api and the frontend at /', () => {
    const result = generateFromProject('k8s', readFixture(), { name: 'todo', host: 'todo.example.com' });
    if (!result.ok) throw result.error;
    const ingress = parseAllDocuments(
      result.value.files.find((f) => f.path === 'k8s/ingress.yaml')!.content,
    )[0]!.toJS();
    expect(ingress.spec.rules).toEqual([
      {
        host: 'todo.example.com',
        http: {
          paths: [
            { path: '/api', pathType: 'Prefix', backend: { service: { name: 'backend', port: { number: 80 } } } },
            { path: '/', pathType: 'Prefix', backend: { service: { name: 'frontend', port: { number: 80 } } } },
          ],
        },
      },
    ]);
  });

  it('passes on the detection error when the folder holds no app', () => {
    const result = generateFromProject('helm-chart', [{ path: 'README.md', content: '# nothing' }]);
    expect(result.ok).toBe(false);
  });
});
