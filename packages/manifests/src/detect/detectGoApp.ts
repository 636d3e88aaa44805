import { appNameOf, type DetectedApp, envNamesIn } from './detectedApp.js';
import { dirOf, filesUnder, joinPath, type ProjectFiles } from './projectFiles.js';

const HEALTH =
  /(?:HandleFunc|Handle|GET|Get|HEAD)\(\s*"(?:GET\s+)?(\/(?:api\/)?(?:health|healthz|readyz|livez|ready)\/?)"/;

/**
 * Detects a Go service in `dir` from go.mod: the module's last path segment names it, `go 1.N` gives the
 * toolchain, the `main` package (root or `cmd/<name>/`) is built, the port comes from `":N"` in a listen call
 * (default 8080) and the health path from a `HandleFunc("/healthz", …)`. A module requiring google.golang.org/grpc
 * whose code calls `grpc.NewServer(` is a gRPC service (port from `net.Listen("tcp", ":N")`, default 50051;
 * `grpcHealth` when it registers the standard health service).
 */
export function detectGoApp(project: ProjectFiles, dir: string, fallbackName: string): DetectedApp | undefined {
  const mod = project.read(joinPath(dir, 'go.mod'));
  if (mod === undefined) return undefined;
  const modulePath = /^module\s+(\S+)/m.exec(mod)?.[1] ?? fallbackName;
  // `go 1.24.2` is the oldest toolchain the module accepts; a `toolchain go1.25.1` line asks for a newer one.
  const goLine = /^go\s+(1\.\d+(?:\.\d+)?)/m.exec(mod)?.[1] ?? '1.23';
  const toolchain = /^toolchain\s+go(1\.\d+(?:\.\d+)?)/m.exec(mod)?.[1];
  const goVersion = (toolchain ?? goLine).split('.').slice(0, 2).join('.');
  const sources = filesUnder(project, dir, /\.go$/).filter((f) => !f.path.endsWith('_test.go'));
  const main = sources.find((f) => /^package\s+main\b/m.test(f.content) && /func\s+main\(\)/.test(f.content));
  // A module without a main package is a library (a shared module of a go.work workspace): not deployable.
  if (!main) return undefined;
  const mainDir = main ? dirOf(main.path).slice(dir === '' ? 0 : dir.length + 1) : '';
  const texts = sources.map((f) => f.content);
  const port = texts
    .map(
      (t) =>
        /(?:Listen(?:AndServe)?|Addr:|Run)\(?\s*(?:"tcp",\s*)?"(?:[\w.]*)?:(\d{2,5})"/.exec(t)?.[1] ??
        /(?:Getenv|LookupEnv)\(\s*"PORT"[\s\S]{0,120}?"(\d{2,5})"/.exec(t)?.[1],
    )
    .find(Boolean);
  const grpc = /google\.golang\.org\/grpc\b/.test(mod) && texts.some((t) => /grpc\.NewServer\(/.test(t));
  const grpcHealth = texts.some((t) => /grpc_health_v1\.Register|health\.NewServer\(/.test(t));
  return {
    name: appNameOf(modulePath.split('/').pop() ?? fallbackName, fallbackName),
    path: dir,
    stack: 'go',
    framework: 'go',
    runtimeVersion: goVersion,
    packageManager: 'go',
    port: Number(port ?? (grpc ? 50051 : 8080)),
    protocol: grpc ? 'grpc' : 'http',
    startCommand: ['/app/server'],
    healthPath: grpc ? undefined : texts.map((t) => HEALTH.exec(t)?.[1]).find(Boolean),
    version: '0.1.0',
    env: envNamesIn(texts, [/os\.Getenv\(\s*"([A-Z_][A-Z0-9_]*)"/g, /os\.LookupEnv\(\s*"([A-Z_][A-Z0-9_]*)"/g]),
    facts: {
      mainPackage: mainDir === '' ? '.' : `./${mainDir}`,
      ...assetsOf(project, dir, texts),
      ...(grpc ? { grpcHealth: String(grpcHealth) } : {}),
      ...goContextOf(project, dir, mod),
    },
    evidence: [joinPath(dir, 'go.mod'), ...(main ? [main.path] : [])],
  };
}

/** Folders a Go service reads at run time (templates, static files) unless go:embed compiles them in. */
function assetsOf(project: ProjectFiles, dir: string, texts: string[]): { assets?: string } {
  const embedded = texts.some((t) => /^\/\/go:embed\s/m.test(t));
  if (embedded) return {};
  const found = ['templates', 'static', 'web', 'public', 'assets'].filter(
    (d) =>
      filesUnder(project, joinPath(dir, d), /./).length > 0 &&
      texts.some((t) => t.includes(`"${d}/`) || t.includes(`"./${d}`)),
  );
  return found.length > 0 ? { assets: found.join(',') } : {};
}

/** `dir` resolved against `base` (`services/api` + `../../libs/x` → `libs/x`); undefined when it leaves the project. */
function resolveDir(base: string, rel: string): string | undefined {
  const parts = base === '' ? [] : base.split('/');
  for (const part of rel.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

/**
 * Where a Go module that needs other modules of the repository is built from: the folder of the go.work that
 * `use`s it, or the nearest folder holding every module its `replace … => ../…` directives point at. Empty when
 * the module builds on its own.
 */
function goContextOf(project: ProjectFiles, dir: string, mod: string): { buildContext?: string; module?: string } {
  let root: string | undefined;
  for (let at = dir; ; at = dirOf(at)) {
    const work = project.read(joinPath(at, 'go.work'));
    if (work !== undefined) {
      const uses = [...work.matchAll(/^\s*(?:use\s+)?(\.{1,2}\/[^\s)]*|\.)\s*$/gm)].map((m) => resolveDir(at, m[1]!));
      if (uses.includes(dir) && at !== dir) root = at;
    }
    if (at === '') break;
  }
  if (root === undefined) {
    const targets = [...mod.matchAll(/=>\s*(\.{1,2}\/\S*)/g)].map((m) => resolveDir(dir, m[1]!));
    for (const target of targets) {
      if (target === undefined) continue;
      let common = dir;
      while (common !== '' && !(target === common || target.startsWith(`${common}/`))) common = dirOf(common);
      root = root === undefined || common.length < root.length ? common : root;
    }
  }
  if (root === undefined || root === dir) return {};
  return { buildContext: root, module: root === '' ? dir : dir.slice(root.length + 1) };
}
