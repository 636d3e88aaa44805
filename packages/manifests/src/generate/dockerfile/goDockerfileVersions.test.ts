import { describe, expect, it } from 'vitest';
import { detectProject } from '../../detect/detectProject.js';
import type { ProjectFile } from '../../detect/projectFiles.js';
import { validateFiles } from '../../validate/validateFiles.js';
import { goBuilderImage } from './baseImages.js';
import { generateDockerfiles } from './generateDockerfiles.js';

// A microservices-demo-shaped Go service (the frontend): go.mod asks for a newer toolchain than the old default,
// and the server reads html templates and static files from folders next to the binary.
const FRONTEND: ProjectFile[] = [
  { path: 'go.mod', content: 'module github.com/example/shop/frontend\n\ngo 1.24.2\n\ntoolchain go1.25.0\n' },
  {
    path: 'main.go',
    content:
      'package main\n\nimport (\n\t"html/template"\n\t"net/http"\n\t"os"\n)\n\nvar templates = template.Must(template.ParseGlob("templates/*.html"))\n\nfunc main() {\n\thttp.Handle("/static/", http.StripPrefix("/static/", http.FileServer(http.Dir("./static/"))))\n\thttp.HandleFunc("/_healthz", func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("ok")) })\n\t_ = os.Getenv("PRODUCT_CATALOG_SERVICE_ADDR")\n\thttp.ListenAndServe(":8080", nil)\n}\n',
  },
  { path: 'templates/home.html', content: '<html>{{ .Title }}</html>\n' },
  { path: 'static/styles.css', content: 'body { margin: 0 }\n' },
];

function dockerfileOf(files: ProjectFile[]): string {
  const project = detectProject(files, { name: 'frontend' });
  if (!project.ok) throw project.error;
  return generateDockerfiles(project.value).find((f) => f.path.endsWith('Dockerfile'))?.content ?? '';
}

describe('Go Dockerfiles that build the module they are for', () => {
  it('picks a builder no older than go.mod (and its toolchain line) asks for', () => {
    expect(goBuilderImage('1.22')).toBe('golang:1.22.9-alpine3.20');
    expect(goBuilderImage('1.24')).toBe('golang:1.24.2-alpine3.21');
    expect(goBuilderImage('1.20')).toBe('golang:1.21.13-alpine3.20');
    expect(goBuilderImage('1.27')).toBe('golang:1.27-alpine');
    expect(dockerfileOf(FRONTEND)).toContain('FROM golang:1.25.0-alpine3.22 AS build');
    const noToolchain = FRONTEND.map((f) =>
      f.path === 'go.mod' ? { ...f, content: 'module x/frontend\n\ngo 1.24.2\n' } : f,
    );
    expect(dockerfileOf(noToolchain)).toContain('FROM golang:1.24.2-alpine3.21 AS build');
  });

  it('copies the template and static folders the binary reads, unless go:embed carries them', async () => {
    const dockerfile = dockerfileOf(FRONTEND);
    expect(dockerfile).toContain('COPY --from=build /src/templates /app/templates');
    expect(dockerfile).toContain('COPY --from=build /src/static /app/static');
    const embedded = FRONTEND.map((f) =>
      f.path === 'main.go'
        ? { ...f, content: f.content.replace('var templates', '//go:embed templates\nvar templates') }
        : f,
    );
    expect(dockerfileOf(embedded)).not.toContain('/app/templates');
    const report = await validateFiles([{ path: 'Dockerfile', content: dockerfile }]);
    expect(report.findings.filter((f) => f.severity === 'ERROR')).toEqual([]);
  });
});
