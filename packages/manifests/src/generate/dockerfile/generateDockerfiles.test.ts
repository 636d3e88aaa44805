import { describe, expect, it } from 'vitest';
import { readFixture } from '../../detect/__fixtures__/readFixture.js';
import { STACK_PROJECTS } from '../../detect/__fixtures__/stackProjects.js';
import { detectProject } from '../../detect/detectProject.js';
import type { ProjectFile } from '../../detect/projectFiles.js';
import { validateFiles } from '../../validate/validateFiles.js';
import { generateDockerfiles } from './generateDockerfiles.js';

function dockerfilesOf(files: ProjectFile[], name: string) {
  const project = detectProject(files, { name });
  if (!project.ok) throw project.error;
  return { project: project.value, files: generateDockerfiles(project.value) };
}

const CASES: [string, ProjectFile[]][] = [['todo', readFixture()], ...Object.entries(STACK_PROJECTS)];

describe('generateDockerfiles', () => {
  it.each(CASES)('writes a multi-stage, pinned, non-root Dockerfile with a HEALTHCHECK for %s', async (name, files) => {
    const { project, files: out } = dockerfilesOf(files, name);
    expect(out).toHaveLength(project.apps.length * 2);
    for (const app of project.apps) {
      const at = (f: string) => (app.path ? `${app.path}/${f}` : f);
      const dockerfile = out.find((f) => f.path === at('Dockerfile'))!.content;
      const froms = [...dockerfile.matchAll(/^FROM (\S+)(?: AS (\w+))?$/gm)];
      expect(froms.length, dockerfile).toBeGreaterThanOrEqual(2);
      // Versioned tags; distroless publishes none but `nonroot` (a digest pins it where a registry is reachable).
      for (const [, image] of froms)
        expect(image).toMatch(/:\d[\w.-]*$|^gcr\.io\/distroless\/static-debian12:nonroot$/);
      expect(dockerfile).toMatch(/^USER 10001:10001$/m);
      expect(dockerfile).toContain(`EXPOSE ${app.port}`);
      // Distroless Go has no client; a wget probe on `/` of an app with no health endpoint would report a 404.
      if (app.stack === 'go' || (app.healthPath === undefined && ['java', 'dotnet'].includes(app.stack)))
        expect(dockerfile).toContain('HEALTHCHECK NONE');
      else {
        expect(dockerfile).toContain(`HEALTHCHECK --interval=30s`);
        expect(dockerfile).toContain(`http://127.0.0.1:${app.port}${app.healthPath ?? '/'}`);
      }
      const lines = dockerfile.trimEnd().split('\n');
      expect(lines.at(-1)).toMatch(/^(CMD|ENTRYPOINT) \[/);
      const ignore = out.find((f) => f.path === at('.dockerignore'))!.content.split('\n');
      expect(ignore).toEqual(expect.arrayContaining(['.git', '.env', '.env.*']));
    }
    const report = await validateFiles(out);
    expect(report.findings.filter((f) => f.severity !== 'INFO')).toEqual([]);
    expect(report.files.filter((f) => f.kind === 'dockerfile')).toHaveLength(project.apps.length);
  });

  it('ships only the standalone server of a Next.js app and the virtual environment of a FastAPI app', () => {
    const { files } = dockerfilesOf(readFixture(), 'todo');
    const frontend = files.find((f) => f.path === 'frontend/Dockerfile')!.content;
    expect(frontend).toContain('COPY package.json package-lock.json ./\nRUN npm ci\n');
    expect(frontend).toContain('COPY --from=build /app/.next/standalone ./');
    expect(frontend).toContain('COPY --from=build /app/public ./public');
    expect(frontend).toContain('CMD ["node", "server.js"]');
    const backend = files.find((f) => f.path === 'backend/Dockerfile')!.content;
    expect(backend).toContain('RUN pip install --no-cache-dir -r requirements.txt');
    expect(backend).toContain('COPY --from=build /opt/venv /opt/venv');
    expect(backend).toContain('CMD ["uvicorn", "main:app", "--host", "0.0.0.0", "--port", "8000", "--proxy-headers"]');
  });

  it('builds the Go main package it found and adds gunicorn when a Django app lacks it', () => {
    const go = dockerfilesOf(STACK_PROJECTS.go!, 'go').files[0]!.content;
    expect(go).toContain('-o /out/server ./cmd/inventory');
    expect(go).toContain('FROM golang:1.22.9-alpine3.20 AS build');
    const django = dockerfilesOf(STACK_PROJECTS.django!, 'django').files[0]!.content;
    expect(django).toContain('requirements.txt gunicorn==23.0.0');
    const maven = dockerfilesOf(STACK_PROJECTS.maven!, 'maven').files[0]!.content;
    expect(maven).toContain('FROM eclipse-temurin:17.0.13_11-jre-alpine AS runtime');
  });
});
