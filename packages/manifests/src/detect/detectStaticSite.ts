import { appNameOf, type DetectedApp } from './detectedApp.js';
import { joinPath, type ProjectFiles } from './projectFiles.js';

/**
 * Detects a static site: an `index.html` in `dir` (or its `public/` folder) with no build of its own, served by
 * unprivileged nginx on 8080.
 */
export function detectStaticSite(project: ProjectFiles, dir: string, fallbackName: string): DetectedApp | undefined {
  const root = ['index.html', 'public/index.html'].find((f) => project.read(joinPath(dir, f)) !== undefined);
  if (!root) return undefined;
  return {
    name: appNameOf(fallbackName),
    path: dir,
    stack: 'static',
    framework: 'static',
    runtimeVersion: '1.27',
    packageManager: 'none',
    port: 8080,
    startCommand: ['nginx', '-g', 'daemon off;'],
    healthPath: '/',
    version: '0.1.0',
    env: [],
    facts: { root: root === 'index.html' ? '.' : 'public' },
    evidence: [joinPath(dir, root)],
  };
}
