import type { DetectedApp } from '../../detect/detectedApp.js';
import type { DetectedProject } from '../../detect/detectProject.js';
import { containerSecurityContext, podSecurityContext, WRITABLE_SIZE_LIMIT } from '../kube/podTemplate.js';
import { isSecretLike } from '../kube/secretEnv.js';
import { appResources, ingressPaths, portName, probeKind, writablePaths } from '../project/appDefaults.js';

/** What a chart's values need to know beyond the detected project. */
export interface ChartOptions {
  /** Image repository prefix; default the project name (`todo` → `todo/backend`). */
  registry?: string;
  /** Host of the Ingress; default `<project>.local`. */
  host?: string;
}

/** Non-secret variables get a value when one follows from the project (the backend's URL, a log level). */
function configValue(env: string, project: DetectedProject, app: DetectedApp): string {
  if (/LOG_LEVEL$/.test(env)) return 'info';
  if (/(API|BACKEND)_(URL|BASE_URL|ENDPOINT)$/.test(env)) {
    const backend = project.apps.find((a) => a !== app && !['nextjs', 'static'].includes(a.framework));
    return backend ? `http://${backend.name}` : '';
  }
  return '';
}

/**
 * The `values.yaml` of the generated chart as data: shared security contexts, the ConfigMap's variables (every
 * non-secret variable the code reads; one left empty is not set, so the code's own default applies), the Secret's keys (every credential it reads — referenced, created only
 * when `secret.create` is set), the Ingress, and one entry per app under `apps` with its image, replicas, port,
 * probe port (a separate management port), health path, resources and writable paths.
 */
export function helmValues(project: DetectedProject, options: ChartOptions = {}): Record<string, unknown> {
  const registry = options.registry ?? project.name;
  const config: Record<string, string> = {};
  const secretKeys = new Set<string>();
  for (const app of project.apps) {
    for (const env of app.env) {
      if (isSecretLike(env)) secretKeys.add(env);
      else config[env] ??= configValue(env, project, app);
    }
  }
  const paths = ingressPaths(project.apps);
  const apps = Object.fromEntries(
    project.apps.map((app) => [
      app.name,
      {
        enabled: true,
        image: { repository: `${registry}/${app.name}`, tag: app.version, pullPolicy: 'IfNotPresent' },
        replicas: 2,
        port: app.port,
        ...(app.probePort !== undefined ? { probePort: app.probePort } : {}),
        portName: portName(app),
        probe: probeKind(app),
        healthPath: app.healthPath ?? '',
        service: { port: app.protocol === 'grpc' ? app.port : 80 },
        ingressPath: paths.get(app.name) ?? '',
        resources: appResources(app),
        writablePaths: writablePaths(app),
      },
    ]),
  );
  return {
    nameOverride: '',
    namePrefix: '',
    serviceAccount: { create: true, name: '' },
    podSecurityContext: podSecurityContext(),
    securityContext: containerSecurityContext(),
    writableSizeLimit: WRITABLE_SIZE_LIMIT,
    configMap: { name: '', data: Object.fromEntries(Object.entries(config).sort()) },
    secret: { name: '', create: false, keys: [...secretKeys].sort(), stringData: {} },
    ingress: {
      enabled: paths.size > 0,
      className: '',
      host: options.host ?? `${project.name}.local`,
      annotations: {},
      tls: { enabled: true, secretName: '' },
    },
    podDisruptionBudget: { enabled: true, minAvailable: 1 },
    apps,
  };
}
