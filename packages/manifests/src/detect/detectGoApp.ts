import { appNameOf, type DetectedApp, envNamesIn } from './detectedApp.js';
import { dirOf, filesUnder, joinPath, type ProjectFile, type ProjectFiles } from './projectFiles.js';

const HEALTH =
  /(?:HandleFunc|Handle|GET|Get|HEAD)\(\s*"(?:GET\s+)?(\/(?:api\/)?(?:health|healthz|readyz|livez|ready)\/?)"/;

const isMain = (f: ProjectFile) => /^package\s+main\b/m.test(f.content) && /func\s+main\(\)/.test(f.content);

/**
 * The main packages of a module that are programs to deploy, as folders relative to the module: the module root
 * and each `cmd/<name>/` (one program each, as `go build ./cmd/...` builds them); when there is neither, the first
 * main package found. Empty for a library.
 */
function programsOf(sources: ProjectFile[], dir: string): string[] {
  const rel = (path: string) => dirOf(path).slice(dir === '' ? 0 : dir.length + 1);
  const mains = [...new Set(sources.filter(isMain).map((f) => rel(f.path)))];
  const programs = mains.filter((m) => m === '' || /^cmd\/[^/]+$/.test(m)).sort();
  return programs.length > 0 ? programs : mains.slice(0, 1);
}

/**
 * Detects the Go services of the module in `dir` from go.mod: the `go 1.N` (or `toolchain`) line gives the toolchain,
 * and each program is a service — the module's root `main` package and every `cmd/<name>/` — so a module with
 * `cmd/api` and `cmd/worker` yields two. A module with one program is named after its module path's last segment
 * and lives in `dir`; with several, each is named after its folder (`api`, `worker`), lives in `cmd/<name>/` (its
 * Dockerfile there) and is built from the module (`docker build -f cmd/api/Dockerfile .`). Per program: the port
 * from `":N"` in a listen call in its own code first, then the module's shared packages (default 8080, with a note
 * when none is found: it may be a tool rather than a server), the health path from a `HandleFunc("/healthz", …)`. A
 * module requiring google.golang.org/grpc whose code calls `grpc.NewServer(` is a gRPC service (port from
 * `net.Listen("tcp", ":N")`, default 50051; `grpcHealth` when it registers the standard health service). Undefined
 * for a module with no main package (a library).
 */
export function detectGoApp(project: ProjectFiles, dir: string, fallbackName: string): DetectedApp[] | undefined {
  const mod = project.read(joinPath(dir, 'go.mod'));
  if (mod === undefined) return undefined;
  const modulePath = /^module\s+(\S+)/m.exec(mod)?.[1] ?? fallbackName;
  // `go 1.24.2` is the oldest toolchain the module accepts; a `toolchain go1.25.1` line asks for a newer one.
  const goLine = /^go\s+(1\.\d+(?:\.\d+)?)/m.exec(mod)?.[1] ?? '1.23';
  const toolchain = /^toolchain\s+go(1\.\d+(?:\.\d+)?)/m.exec(mod)?.[1];
  const goVersion = (toolchain ?? goLine).split('.').slice(0, 2).join('.');
  const sources = filesUnder(project, dir, /\.go$/).filter((f) => !f.path.endsWith('_test.go'));
  const programs = programsOf(sources, dir);
  // A module without a main package is a library (a shared module of a go.work workspace): not deployable.
  if (programs.length === 0) return undefined;
  const several = programs.length > 1;
  const context = goContextOf(project, dir, mod);
  const grpcModule = /google\.golang\.org\/grpc\b/.test(mod);
  return programs.map((program) => {
    const programDir = program === '' ? dir : joinPath(dir, program);
    // The program's own files first (its listen call wins), then the module's packages outside cmd/ it may import.
    const own = sources.filter(
      (f) => dirOf(f.path) === programDir || (program !== '' && f.path.startsWith(`${programDir}/`)),
    );
    const shared = sources.filter((f) => !own.includes(f) && !f.path.startsWith(joinPath(dir, 'cmd/')));
    const texts = (several ? [...own, ...shared] : sources).map((f) => f.content);
    const port = texts
      .map(
        (t) =>
          /(?:Listen(?:AndServe)?|Addr:|Run)\(?\s*(?:"tcp",\s*)?"(?:[\w.]*)?:(\d{2,5})"/.exec(t)?.[1] ??
          /(?:Getenv|LookupEnv)\(\s*"PORT"[\s\S]{0,120}?"(\d{2,5})"/.exec(t)?.[1],
      )
      .find(Boolean);
    const grpc = grpcModule && texts.some((t) => /grpc\.NewServer\(/.test(t));
    const grpcHealth = texts.some((t) => /grpc_health_v1\.Register|health\.NewServer\(/.test(t));
    const main = own.find(isMain) ?? sources.find(isMain);
    const name = several
      ? appNameOf(program === '' ? (modulePath.split('/').pop() ?? fallbackName) : program.slice('cmd/'.length))
      : appNameOf(modulePath.split('/').pop() ?? fallbackName, fallbackName);
    // Several programs: each has its folder (and Dockerfile) in cmd/<name>/ and is built from the module's context.
    const buildFacts =
      several && program !== ''
        ? {
            buildContext: context.buildContext ?? dir,
            module: context.buildContext === undefined ? '' : (context.module ?? ''),
          }
        : context;
    return {
      name,
      path: several ? programDir : dir,
      stack: 'go' as const,
      framework: 'go' as const,
      runtimeVersion: goVersion,
      packageManager: 'go',
      port: Number(port ?? (grpc ? 50051 : 8080)),
      protocol: grpc ? ('grpc' as const) : ('http' as const),
      startCommand: ['/app/server'],
      healthPath: grpc ? undefined : texts.map((t) => HEALTH.exec(t)?.[1]).find(Boolean),
      version: '0.1.0',
      env: envNamesIn(texts, [/os\.Getenv\(\s*"([A-Z_][A-Z0-9_]*)"/g, /os\.LookupEnv\(\s*"([A-Z_][A-Z0-9_]*)"/g]),
      facts: {
        mainPackage: program === '' ? '.' : `./${program}`,
        ...assetsOf(project, dir, texts),
        ...(grpc ? { grpcHealth: String(grpcHealth) } : {}),
        ...(buildFacts.module === '' ? { buildContext: buildFacts.buildContext! } : buildFacts),
      },
      ...(several && port === undefined && !grpc
        ? {
            notes: [
              `no listening port found in ${programDir}/ (8080 assumed): if it is a tool or a job rather than a server, leave it out with --service`,
            ],
          }
        : {}),
      evidence: [joinPath(dir, 'go.mod'), ...(main ? [main.path] : [])],
    };
  });
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
