import type { DetectedApp } from './detectedApp.js';
import { filesUnder, joinPath, type ProjectFiles } from './projectFiles.js';

/** What {@link staticBuildOf} needs of package.json. */
interface PackageFacts {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

/**
 * A front end that builds to static files: Vite (`vite build`, output `dist` or its `build.outDir`), Create React
 * App (`react-scripts build`, output `build`) or a Next.js static export (`output: 'export'`, output `out`). Built
 * with Node and served by unprivileged nginx on 8080. Undefined for anything else (a server, a library).
 */
export function staticBuildOf(
  project: ProjectFiles,
  dir: string,
  pkg: PackageFacts,
):
  | Pick<DetectedApp, 'stack' | 'framework' | 'port' | 'startCommand' | 'healthPath' | 'facts' | 'evidence'>
  | undefined {
  const deps = { ...pkg.devDependencies, ...pkg.dependencies };
  const build = pkg.scripts.build;
  if (!build) return undefined;
  const nextConfig = filesUnder(project, dir, /^next\.config\.(js|mjs|cjs|ts)$/)[0];
  let framework: 'vite' | 'cra' | 'nextjs' | undefined;
  let out = 'dist';
  const evidence = [joinPath(dir, 'package.json')];
  if (deps.next && /output\s*:\s*['"]export['"]/.test(nextConfig?.content ?? '')) {
    framework = 'nextjs';
    out = 'out';
    evidence.push(nextConfig!.path);
  } else if (deps.vite && /\bvite\b/.test(build)) {
    framework = 'vite';
    const config = filesUnder(project, dir, /^vite\.config\.(js|mjs|cjs|ts|mts)$/)[0];
    out = /outDir\s*:\s*['"]([\w./-]+)['"]/.exec(config?.content ?? '')?.[1]?.replace(/^\.\//, '') ?? 'dist';
    if (config) evidence.push(config.path);
  } else if (deps['react-scripts'] && /react-scripts\s+build/.test(build)) {
    framework = 'cra';
    out = 'build';
  }
  if (!framework) return undefined;
  return {
    stack: 'static',
    framework: framework === 'nextjs' ? 'static' : framework,
    port: 8080,
    startCommand: ['nginx', '-g', 'daemon off;'],
    healthPath: '/',
    facts: { build: 'true', out },
    evidence,
  };
}
