import { z } from 'zod';
import { appNameOf, type DetectedApp, envNamesIn } from './detectedApp.js';
import { staticBuildOf } from './detectStaticBuild.js';
import { filesUnder, joinPath, type ProjectFiles } from './projectFiles.js';

const PackageJson = z
  .object({
    name: z.string().optional(),
    version: z.string().optional(),
    main: z.string().optional(),
    scripts: z.record(z.string(), z.string()).default({}),
    dependencies: z.record(z.string(), z.string()).default({}),
    devDependencies: z.record(z.string(), z.string()).default({}),
    engines: z.object({ node: z.string().optional() }).loose().optional(),
    workspaces: z.unknown().optional(),
  })
  .loose();
type PackageJson = z.infer<typeof PackageJson>;

const SOURCE = /\.(m?js|cjs|ts|tsx|jsx)$/;
/** Code that starts a server: `.listen(`, `http.createServer(`, Fastify, Koa, Hono's `serve({`. */
const SERVER_START = /\.listen\(|createServer\(|\bserve\(\s*\{|\bfastify\(|new\s+Koa\(|\.bindAsync\(/;
/** A @grpc/grpc-js server's address: `server.bindAsync('0.0.0.0:50051', …)`. */
const GRPC_BIND = /\.bindAsync\(\s*[`'"][^`'"]*:(\d{2,5})[`'"]/;
/** Entry files tried, in order, when package.json names no start command. */
const ENTRY_FILES = [
  'server.js',
  'index.js',
  'app.js',
  'main.js',
  'src/server.js',
  'src/index.js',
  'dist/server.js',
  'dist/index.js',
];
/** A health route: `app.get('/healthz', …)`, or a plain http server's `req.url === '/healthz'`. */
const HEALTH_ROUTE =
  /(?:\.(?:get|all|use)\(|(?:url|pathname)\s*===?)\s*['"`](\/(?:api\/)?(?:health|healthz|readyz|livez|ready|status)[^'"`]*)['"`]/;

/** The parsed package.json of `dir`, or undefined when there is none or it is not JSON. */
export function readPackageJson(project: ProjectFiles, dir: string): PackageJson | undefined {
  const text = project.read(joinPath(dir, 'package.json'));
  if (text === undefined) return undefined;
  try {
    const parsed = PackageJson.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function nodeMajor(pkg: PackageJson, project: ProjectFiles, dir: string): string {
  const nvmrc = project.read(joinPath(dir, '.nvmrc'))?.trim().replace(/^v/, '');
  const fromEngines = /(\d{2})/.exec(pkg.engines?.node ?? '')?.[1];
  const major = /^(\d{2})/.exec(nvmrc ?? '')?.[1] ?? fromEngines ?? '20';
  return Number(major) >= 18 && Number(major) <= 24 ? major : '20';
}

function hasNpmLock(project: ProjectFiles, dir: string): boolean {
  return project.read(joinPath(dir, 'package-lock.json')) !== undefined;
}

function packageManagerOf(project: ProjectFiles, dir: string): string {
  if (project.read(joinPath(dir, 'pnpm-lock.yaml')) !== undefined) return 'pnpm';
  if (project.read(joinPath(dir, 'yarn.lock')) !== undefined) return 'yarn';
  return 'npm';
}

function portFlag(script: string | undefined): number | undefined {
  const m = /(?:-p|--port)[\s=]+(\d{2,5})/.exec(script ?? '');
  return m ? Number(m[1]) : undefined;
}

function nextHealthPath(project: ProjectFiles, dir: string): string | undefined {
  const routes = filesUnder(project, dir, /^(src\/)?(app\/.+\/route|pages\/api\/.+)\.(ts|js|tsx|jsx)$/).map((f) =>
    f.path.slice(dir === '' ? 0 : dir.length + 1),
  );
  const paths = routes.map((r) =>
    r
      .replace(/^src\//, '')
      .replace(/^app/, '')
      .replace(/^pages/, '')
      .replace(/\/route\.\w+$/, '')
      .replace(/\.\w+$/, '')
      .replace(/\/\([^)]+\)/g, ''),
  );
  return paths.find((p) => /\/(health|healthz|readyz|livez|ready)$/.test(p));
}

/**
 * Detects a Node.js app in `dir` from its package.json: Next.js (`next` dependency; port from `next start -p`,
 * default 3000; `output: 'standalone'` in next.config), Express (`express`; port from `listen(N)` or
 * `PORT || N`, default 3000) or plain Node (the start script's file, or `main` or an entry file such as server.js
 * that starts a server), or a gRPC server (`@grpc/grpc-js` and `bindAsync('…:N')`, default 50051). Undefined when `dir` has no package.json or is a library or tooling (no start script,
 * no entry that serves, no server framework).
 */
export function detectNodeApp(project: ProjectFiles, dir: string, fallbackName: string): DetectedApp | undefined {
  const pkg = readPackageJson(project, dir);
  if (!pkg) return undefined;
  const deps = { ...pkg.devDependencies, ...pkg.dependencies };
  const sources = filesUnder(project, dir, SOURCE).filter((f) => !f.path.includes('.test.'));
  const texts = sources.map((f) => f.content);
  const env = envNamesIn(texts, [
    /process\.env\.([A-Z_][A-Z0-9_]*)/g,
    /process\.env\[['"]([A-Z_][A-Z0-9_]*)['"]\]/g,
    /import\.meta\.env\.([A-Z_][A-Z0-9_]*)/g,
  ]);
  const base = {
    name: appNameOf(pkg.name ?? fallbackName, fallbackName),
    path: dir,
    stack: 'node' as const,
    runtimeVersion: nodeMajor(pkg, project, dir),
    packageManager: packageManagerOf(project, dir),
    version: pkg.version ?? '0.1.0',
    env: env.filter((e) => e !== 'PORT' && e !== 'NODE_ENV' && e !== 'HOSTNAME'),
  };
  const staticBuild = staticBuildOf(project, dir, pkg);
  if (staticBuild) {
    return {
      ...base,
      ...staticBuild,
      // Variables of a static build are baked in at build time (VITE_*, REACT_APP_*, NEXT_PUBLIC_*): build
      // arguments of the image, not settings of the running container.
      env: [],
      facts: {
        ...staticBuild.facts,
        npmLock: String(hasNpmLock(project, dir)),
        buildArgs: env.filter((e) => /^(VITE_|REACT_APP_|NEXT_PUBLIC_)/.test(e)).join(','),
      },
    };
  }
  if (deps.next) {
    const config = filesUnder(project, dir, /^next\.config\.(js|mjs|cjs|ts)$/)[0];
    const standalone = /output\s*:\s*['"]standalone['"]/.test(config?.content ?? '');
    const port = portFlag(pkg.scripts.start) ?? 3000;
    return {
      ...base,
      framework: 'nextjs',
      port,
      startCommand: standalone ? ['node', 'server.js'] : ['node_modules/.bin/next', 'start', '-p', String(port)],
      healthPath: nextHealthPath(project, dir),
      facts: {
        npmLock: String(hasNpmLock(project, dir)),
        standalone: String(standalone),
        hasPublic: String(project.paths().some((p) => p.startsWith(joinPath(dir, 'public/')))),
      },
      evidence: [joinPath(dir, 'package.json'), ...(config ? [config.path] : [])],
    };
  }
  const start = pkg.scripts.start;
  // The file `npm start` runs; else `main` or a conventional entry file, but only one that starts a server: a
  // package whose `main` only exports code is a library, not a service.
  // `node [flags] file`, or a TypeScript runner (`tsx src/main.ts`, `ts-node src/index.ts`) run from node_modules.
  const startMatch = /^(node|tsx|ts-node)(?:\s+--?[\w-]+(?:=\S+)?)*\s+([\w./-]+\.[cm]?[jt]s|[\w./-]+)/.exec(
    start ?? '',
  );
  const runner = startMatch?.[1] === 'node' || !startMatch ? 'node' : startMatch[1]!;
  const startEntry = startMatch?.[2];
  const serves = (file: string | undefined) =>
    file !== undefined && SERVER_START.test(project.read(joinPath(dir, file.replace(/^\.\//, ''))) ?? '');
  const entry = startEntry ?? [pkg.main, ...ENTRY_FILES].find(serves);
  if (!deps.express && !entry) return undefined;
  const listen = texts
    .map(
      (t) =>
        /listen\(\s*(\d{2,5})/.exec(t) ??
        /listen\(\s*\{[^}]*\bport\s*:\s*(\d{2,5})/.exec(t) ??
        /PORT\s*(?:\|\||\?\?)\s*(\d{2,5})/.exec(t),
    )
    .find(Boolean);
  const health = texts.map((t) => HEALTH_ROUTE.exec(t)?.[1]).find(Boolean);
  const facts = {
    build: pkg.scripts.build ? 'true' : 'false',
    npmLock: String(hasNpmLock(project, dir)),
    // The TypeScript runner is usually a dev dependency: the image keeps every dependency.
    ...(runner !== 'node' ? { keepDev: 'true' } : {}),
  };
  const startCommand = runner === 'node' ? ['node', entry ?? 'index.js'] : [`node_modules/.bin/${runner}`, entry!];
  if (deps['@grpc/grpc-js'] && texts.some((t) => t.includes('.bindAsync('))) {
    const grpcHealth = deps['grpc-health-check'] !== undefined || texts.some((t) => /grpc\.health\.v1/.test(t));
    return {
      ...base,
      framework: 'grpc',
      port: Number(texts.map((t) => GRPC_BIND.exec(t)?.[1]).find(Boolean) ?? 50051),
      protocol: 'grpc',
      startCommand,
      facts: { ...facts, grpcHealth: String(grpcHealth) },
      evidence: [joinPath(dir, 'package.json'), ...(entry ? [joinPath(dir, entry.replace(/^\.\//, ''))] : [])],
    };
  }
  return {
    ...base,
    framework: deps.express ? 'express' : 'node',
    port: portFlag(start) ?? (listen ? Number(listen[1]) : 3000),
    startCommand,
    healthPath: health,
    facts,
    evidence: [
      joinPath(dir, 'package.json'),
      ...sources.filter((s) => HEALTH_ROUTE.test(s.content)).map((s) => s.path),
    ],
  };
}
