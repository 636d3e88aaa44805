import type { DetectedApp } from '../../detect/detectedApp.js';

/** Requests and limits by stack: the JVM needs more memory; memory limit = request so nothing is over-committed. */
export function appResources(app: DetectedApp): { requests: Record<string, string>; limits: Record<string, string> } {
  const memory = app.stack === 'java' ? '512Mi' : app.stack === 'go' || app.stack === 'static' ? '128Mi' : '256Mi';
  return { requests: { cpu: '100m', memory }, limits: { cpu: '500m', memory } };
}

/**
 * Folders the app must write to while its root file system is read-only: `/tmp` always, Next.js's image and fetch
 * cache, nginx's cache and run folders.
 */
export function writablePaths(app: DetectedApp): string[] {
  if (app.framework === 'nextjs') return ['/tmp', '/app/.next/cache'];
  if (app.stack === 'static') return ['/tmp', '/var/cache/nginx'];
  return ['/tmp'];
}

/** True for apps that serve pages to browsers (they take `/` on the Ingress). */
export function isWebApp(app: DetectedApp): boolean {
  return app.framework === 'nextjs' || app.stack === 'static';
}

/**
 * The Ingress path of each app: a lone app gets `/`; with several, the first web app (Next.js, static) gets `/`,
 * the first other app `/api` (or `/` when there is no web app) and any further app `/<name>`.
 */
export function ingressPaths(apps: readonly DetectedApp[]): Map<string, string> {
  const paths = new Map<string, string>();
  if (apps.length === 1) return paths.set(apps[0]!.name, '/');
  const web = apps.find(isWebApp);
  if (web) paths.set(web.name, '/');
  for (const app of apps) {
    if (paths.has(app.name)) continue;
    const taken = new Set(paths.values());
    paths.set(app.name, !taken.has('/') ? '/' : !taken.has('/api') ? '/api' : `/${app.name}`);
  }
  return paths;
}
