import { appNameOf, type DetectedApp, envNamesIn } from './detectedApp.js';
import { filesUnder, joinPath, type ProjectFiles } from './projectFiles.js';
import { readPythonProject } from './pythonProject.js';

const HEALTH =
  /@\w+\.(?:get|route|api_route)\(\s*['"](\/(?:api\/)?(?:health|healthz|readyz|livez|ready|status)\/?)['"]/;
const ENV = [
  /os\.getenv\(\s*['"]([A-Z_][A-Z0-9_]*)['"]/g,
  /os\.environ\.get\(\s*['"]([A-Z_][A-Z0-9_]*)['"]/g,
  /os\.environ\[\s*['"]([A-Z_][A-Z0-9_]*)['"]\s*\]/g,
  /\benv\(\s*['"]([A-Z_][A-Z0-9_]*)['"]/g,
];
const GRPC_PORT = /add_insecure_port\(\s*f?['"][^'"]*:(\d{2,5})['"]/;

function moduleOf(path: string, dir: string): string {
  return path
    .slice(dir === '' ? 0 : dir.length + 1)
    .replace(/\.py$/, '')
    .replace(/\//g, '.');
}

/**
 * Detects a Python app in `dir` from requirements.txt, pyproject.toml (pip, Poetry or uv, with uv.lock) or Pipfile:
 * FastAPI (the module that creates `FastAPI()`, served by uvicorn, port 8000 unless `uvicorn.run(port=N)`), Flask
 * (`Flask(__name__)`, served by gunicorn on 8000), Django (`manage.py` and `WSGI_APPLICATION`, gunicorn on 8000)
 * or a gRPC server (`grpcio` and `grpc.server(`: the file that starts it, port from `add_insecure_port`, default
 * 50051). Health path from a route decorator such as `@app.get("/health")`. The Python version from
 * .python-version, `requires-python` or Poetry's `python` constraint. Undefined when there is no dependency file or
 * nothing that serves.
 */
export function detectPythonApp(project: ProjectFiles, dir: string, fallbackName: string): DetectedApp | undefined {
  const reqs = readPythonProject(project, dir);
  if (!reqs) return undefined;
  const pyproject = project.read(joinPath(dir, 'pyproject.toml'));
  const sources = filesUnder(project, dir, /\.py$/).filter((f) => !/(^|\/)tests?\//.test(f.path));
  const texts = sources.map((f) => f.content);
  const base = {
    name: appNameOf(/^name\s*=\s*["']([^"']+)/m.exec(pyproject ?? '')?.[1] ?? fallbackName, fallbackName),
    path: dir,
    stack: 'python' as const,
    runtimeVersion: reqs.version,
    packageManager: reqs.manager,
    version: /^version\s*=\s*["']([^"']+)/m.exec(pyproject ?? '')?.[1] ?? '0.1.0',
    env: envNamesIn(texts, ENV),
    healthPath: texts.map((t) => HEALTH.exec(t)?.[1]).find(Boolean),
  };
  const facts = { locked: String(reqs.locked), requirements: String(reqs.requirements) };
  const has = (name: string) => new RegExp(`(^|[\\s"'\\[])${name}([\\s=<>~!\\[;"']|$)`, 'm').test(reqs.text);
  const appFile = (pattern: RegExp) => sources.find((f) => pattern.test(f.content));
  const grpcServer = has('grpcio') ? appFile(/grpc\.(?:aio\.)?server\(/) : undefined;
  if (grpcServer) {
    const port = Number(texts.map((t) => GRPC_PORT.exec(t)?.[1]).find(Boolean) ?? 50051);
    return {
      ...base,
      healthPath: undefined,
      framework: 'grpc',
      port,
      protocol: 'grpc',
      startCommand: ['python', grpcServer.path.slice(dir === '' ? 0 : dir.length + 1)],
      facts: { ...facts, grpcHealth: String(texts.some((t) => /grpc_health/.test(t))) },
      evidence: [...reqs.files, grpcServer.path],
    };
  }
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
      facts: { ...facts, server: has('uvicorn') ? 'uvicorn' : 'uvicorn-missing' },
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
      facts: { ...facts, server: has('gunicorn') ? 'gunicorn' : 'gunicorn-missing' },
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
      facts: { ...facts, server: has('gunicorn') ? 'gunicorn' : 'gunicorn-missing' },
      evidence: [...reqs.files, ...(settings ? [settings.path] : [])],
    };
  }
  return undefined;
}
