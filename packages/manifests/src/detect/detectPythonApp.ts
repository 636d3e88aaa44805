import { appNameOf, type DetectedApp, envNamesIn } from './detectedApp.js';
import { filesUnder, joinPath, type ProjectFiles } from './projectFiles.js';

const HEALTH =
  /@\w+\.(?:get|route|api_route)\(\s*['"](\/(?:api\/)?(?:health|healthz|readyz|livez|ready|status)\/?)['"]/;
const ENV = [
  /os\.getenv\(\s*['"]([A-Z_][A-Z0-9_]*)['"]/g,
  /os\.environ\.get\(\s*['"]([A-Z_][A-Z0-9_]*)['"]/g,
  /os\.environ\[\s*['"]([A-Z_][A-Z0-9_]*)['"]\s*\]/g,
];

function requirementsOf(project: ProjectFiles, dir: string): { text: string; manager: string; files: string[] } {
  const found: string[] = [];
  let text = '';
  for (const name of ['requirements.txt', 'pyproject.toml', 'Pipfile']) {
    const content = project.read(joinPath(dir, name));
    if (content !== undefined) {
      found.push(joinPath(dir, name));
      text += `\n${content.toLowerCase()}`;
    }
  }
  const manager =
    project.read(joinPath(dir, 'requirements.txt')) !== undefined ? 'pip' : found.length ? 'poetry' : 'none';
  return { text, manager, files: found };
}

function pythonVersion(project: ProjectFiles, dir: string, pyproject: string | undefined): string {
  const pinned = project.read(joinPath(dir, '.python-version'))?.trim();
  const requires = /requires-python\s*=\s*["'][^"'\d]*(3\.\d+)/.exec(pyproject ?? '')?.[1];
  const version = /^(3\.\d+)/.exec(pinned ?? '')?.[1] ?? requires ?? '3.12';
  return Number(version.split('.')[1]) >= 9 ? version : '3.12';
}

function moduleOf(path: string, dir: string): string {
  return path
    .slice(dir === '' ? 0 : dir.length + 1)
    .replace(/\.py$/, '')
    .replace(/\//g, '.');
}

/**
 * Detects a Python app in `dir` from requirements.txt, pyproject.toml or Pipfile: FastAPI (the module that creates
 * `FastAPI()`, served by uvicorn, port 8000 unless `uvicorn.run(port=N)`), Flask (`Flask(__name__)`, served by
 * gunicorn on 8000) or Django (`manage.py` and `WSGI_APPLICATION`, gunicorn on 8000). Health path from a route
 * decorator such as `@app.get("/health")`. Undefined when there is no dependency file or no web framework.
 */
export function detectPythonApp(project: ProjectFiles, dir: string, fallbackName: string): DetectedApp | undefined {
  const reqs = requirementsOf(project, dir);
  if (reqs.files.length === 0) return undefined;
  const pyproject = project.read(joinPath(dir, 'pyproject.toml'));
  const sources = filesUnder(project, dir, /\.py$/).filter((f) => !/(^|\/)tests?\//.test(f.path));
  const texts = sources.map((f) => f.content);
  const base = {
    name: appNameOf(/^name\s*=\s*["']([^"']+)/m.exec(pyproject ?? '')?.[1] ?? fallbackName, fallbackName),
    path: dir,
    stack: 'python' as const,
    runtimeVersion: pythonVersion(project, dir, pyproject),
    packageManager: reqs.manager,
    version: /^version\s*=\s*["']([^"']+)/m.exec(pyproject ?? '')?.[1] ?? '0.1.0',
    env: envNamesIn(texts, ENV),
    healthPath: texts.map((t) => HEALTH.exec(t)?.[1]).find(Boolean),
  };
  const has = (name: string) => new RegExp(`(^|[\\s"'\\[])${name}([\\s=<>~!\\[;"']|$)`, 'm').test(reqs.text);
  const appFile = (pattern: RegExp) => sources.find((f) => pattern.test(f.content));
  if (has('fastapi')) {
    const file = appFile(/^\s*(\w+)\s*=\s*FastAPI\(/m);
    const variable = file ? /^\s*(\w+)\s*=\s*FastAPI\(/m.exec(file.content)![1]! : 'app';
    const module = file ? moduleOf(file.path, dir) : 'main';
    const port = Number(texts.map((t) => /uvicorn\.run\([^)]*port\s*=\s*(\d{2,5})/.exec(t)?.[1]).find(Boolean) ?? 8000);
    return {
      ...base,
      framework: 'fastapi',
      port,
      startCommand: [
        'uvicorn',
        `${module}:${variable}`,
        '--host',
        '0.0.0.0',
        '--port',
        String(port),
        '--proxy-headers',
      ],
      facts: { server: has('uvicorn') ? 'uvicorn' : 'uvicorn[standard]' },
      evidence: [...reqs.files, ...(file ? [file.path] : [])],
    };
  }
  if (has('flask')) {
    const file = appFile(/^\s*(\w+)\s*=\s*Flask\(/m);
    const variable = file ? /^\s*(\w+)\s*=\s*Flask\(/m.exec(file.content)![1]! : 'app';
    const module = file ? moduleOf(file.path, dir) : 'app';
    return {
      ...base,
      framework: 'flask',
      port: 8000,
      startCommand: ['gunicorn', '--bind', '0.0.0.0:8000', '--workers', '2', `${module}:${variable}`],
      facts: { server: has('gunicorn') ? 'gunicorn' : 'gunicorn-missing' },
      evidence: [...reqs.files, ...(file ? [file.path] : [])],
    };
  }
  if (has('django')) {
    const settings = sources.find((f) => /WSGI_APPLICATION\s*=/.test(f.content));
    const wsgi = /WSGI_APPLICATION\s*=\s*['"]([\w.]+)\.application['"]/.exec(settings?.content ?? '')?.[1];
    return {
      ...base,
      framework: 'django',
      port: 8000,
      startCommand: [
        'gunicorn',
        '--bind',
        '0.0.0.0:8000',
        '--workers',
        '2',
        `${wsgi ?? `${base.name}.wsgi`}:application`,
      ],
      facts: { server: has('gunicorn') ? 'gunicorn' : 'gunicorn-missing' },
      evidence: [...reqs.files, ...(settings ? [settings.path] : [])],
    };
  }
  return undefined;
}
