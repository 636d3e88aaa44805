import { Dns1123Label } from '@opspilot/core';
import { z } from 'zod';

/**
 * The language family of a detected app; it decides the Dockerfile recipe. `container`: a folder whose own
 * Dockerfile is all there is to go by (a language opspilot does not generate for).
 */
export const AppStack = z.enum(['node', 'python', 'go', 'java', 'dotnet', 'static', 'container']);
export type AppStack = z.infer<typeof AppStack>;

/** The framework when one is recognised (`node`, `python` … when only the language is). */
export const AppFramework = z.enum([
  'express',
  'nextjs',
  'node',
  'fastapi',
  'flask',
  'django',
  'python',
  'go',
  'spring-boot',
  'java',
  'aspnet',
  'dotnet',
  'grpc',
  'vite',
  'cra',
  'static',
  'dockerfile',
]);
export type AppFramework = z.infer<typeof AppFramework>;

/**
 * One deployable app found in a project: where it is, what it is built with, how it starts, which port it listens
 * on, its health path when the code declares one, and the environment variables its code reads.
 */
export const DetectedApp = z.object({
  name: Dns1123Label,
  /** Folder relative to the project root, `''` for the root itself. */
  path: z.string(),
  stack: AppStack,
  framework: AppFramework,
  /** Language runtime version the Dockerfile uses (`20` for Node, `3.12` for Python …). */
  runtimeVersion: z.string(),
  /** `npm`, `yarn`, `pnpm`, `pip`, `poetry`, `uv`, `go`, `maven`, `gradle`, `dotnet`, or `none`. */
  packageManager: z.string(),
  port: z.number().int().min(1).max(65535),
  /** `grpc` for a gRPC server (probed with Kubernetes' gRPC probe, kept off the Ingress); absent or `http` else. */
  protocol: z.enum(['http', 'grpc']).optional(),
  /** Exec-form command of the running container. */
  startCommand: z.array(z.string()).min(1),
  healthPath: z.string().startsWith('/').optional(),
  /**
   * The port the probes use when it is not `port`: a Spring Boot actuator on `management.server.port`. The
   * container declares it as a second port named `management`; the Service does not expose it.
   */
  probePort: z.number().int().min(1).max(65535).optional(),
  /** Version of the app (package.json, pyproject, pom) used as the default image tag. */
  version: z.string().default('0.1.0'),
  /** Environment variables the code reads, sorted. */
  env: z.array(z.string()).default([]),
  /** Stack-specific facts the Dockerfile needs (e.g. `standalone` for Next.js, `module` for Go). */
  facts: z.record(z.string(), z.string()).default({}),
  /** What the user should know about a choice made for the app (a TCP probe for want of a health endpoint …). */
  notes: z.array(z.string()).optional(),
  /** The files that told us, for the user to check. */
  evidence: z.array(z.string()),
});
export type DetectedApp = z.infer<typeof DetectedApp>;

/** Turns a package or folder name into a Kubernetes name (`@acme/Web_App` → `web-app`). */
export function appNameOf(raw: string, fallback = 'app'): string {
  const name = raw
    .replace(/^@[^/]+\//, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/g, '');
  return name === '' ? fallback : /^[0-9]/.test(name) ? `app-${name}`.slice(0, 63) : name;
}

/**
 * Variables the platform, the base image or the generated manifests set themselves: listing them as the app's
 * configuration would override them (an empty `PATH` breaks every container).
 */
const PLATFORM_ENV =
  /^(PATH|HOME|HOSTNAME|USER|PWD|SHELL|LANG|LC_\w+|TERM|TMPDIR|TZ|PORT|NODE_ENV|NODE_OPTIONS|CI|KUBERNETES_\w+|JAVA_HOME|JAVA_OPTS|JAVA_TOOL_OPTIONS|GOPATH|GOROOT|GOOS|GOARCH|CGO_ENABLED|PYTHON\w*|VIRTUAL_ENV|ASPNETCORE_\w+|DOTNET_\w+|NEXT_RUNTIME|NEXT_PHASE|VERCEL\w*)$/;

/** True for a variable the platform or the generated image sets (see {@link PLATFORM_ENV}). */
export function isPlatformEnv(name: string): boolean {
  return PLATFORM_ENV.test(name);
}

/**
 * The distinct environment variable names matched by `patterns` in `sources`, sorted, without the platform's own
 * ({@link isPlatformEnv}).
 */
export function envNamesIn(sources: readonly string[], patterns: readonly RegExp[]): string[] {
  const names = new Set<string>();
  for (const source of sources) {
    for (const pattern of patterns) {
      for (const m of source.matchAll(pattern)) {
        if (m[1] && /^[A-Z_][A-Z0-9_]*$/.test(m[1]) && !isPlatformEnv(m[1])) names.add(m[1]);
      }
    }
  }
  return [...names].sort();
}

/** The keys of a `.env.example` / `.env.sample` / `.env.template` (the variables the app documents), sorted. */
export function envExampleKeys(texts: readonly (string | undefined)[]): string[] {
  return envNamesIn(
    texts.filter((t): t is string => t !== undefined),
    [/^\s*(?:export\s+)?([A-Z_][A-Z0-9_]*)\s*=/gm],
  );
}
