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
 * How Kubernetes checks the app: `grpc` (the gRPC health service, which the server registers), `http` (GET on the
 * health path), or `tcp` (the port accepts connections: a server with no health endpoint, or a gRPC server without
 * the health service, which a gRPC probe would report as failing).
 * @see https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-a-grpc-liveness-probe
 */
export function probeKind(app: DetectedApp): 'grpc' | 'http' | 'tcp' {
  if (app.protocol === 'grpc') return app.facts.grpcHealth === 'false' ? 'tcp' : 'grpc';
  return app.healthPath ? 'http' : 'tcp';
}

/** The name of the container port: `grpc` for a gRPC server, else `http`. */
export function portName(app: DetectedApp): 'grpc' | 'http' {
  return app.protocol === 'grpc' ? 'grpc' : 'http';
}

/**
 * The Ingress path of each app: a lone app gets `/`; with several, the first web app (Next.js, static) gets `/`,
 * the first other app `/api` (or `/` when there is no web app) and any further app `/<name>`. gRPC servers are
 * reached inside the cluster, not through the HTTP Ingress.
 */
export function ingressPaths(all: readonly DetectedApp[]): Map<string, string> {
  const paths = new Map<string, string>();
  const apps = all.filter((a) => a.protocol !== 'grpc');
  if (apps.length === 0) return paths;
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
