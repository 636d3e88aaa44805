import type { DetectedApp } from '../../detect/detectedApp.js';
import type { DetectedProject } from '../../detect/detectProject.js';
import { type GeneratedFile, toYamlDocuments } from '../generatedFile.js';
import { helmValues } from '../helm/helmValues.js';
import { DeploymentSpec } from '../kube/manifestSpecs.js';
import { ingressManifest, serviceManifest } from '../kube/networkManifests.js';
import { objectMeta } from '../kube/objectMeta.js';
import { podTemplate } from '../kube/podTemplate.js';
import { configMapManifest, pdbManifest } from '../kube/scalingManifests.js';
import { deploymentManifest, type Manifest } from '../kube/workloadManifests.js';
import { appResources, ingressPaths, portName, probeKind, writablePaths } from './appDefaults.js';

/** Options of {@link generateK8sManifests}. */
export interface K8sOptions {
  /** Image repository prefix; default the project name. */
  registry?: string;
  /** Host of the Ingress; default `<project>.local`. */
  host?: string;
  namespace?: string;
}

type Container = Record<string, unknown> & { ports?: Record<string, unknown>[] };

/** A gRPC server's container: its port named `grpc`, probed with the gRPC health service (or TCP without it). */
function asGrpc(container: Container, app: DetectedApp): void {
  if (app.protocol !== 'grpc') return;
  container.ports = [{ name: portName(app), containerPort: app.port, protocol: 'TCP' }];
  const action = probeKind(app) === 'grpc' ? { grpc: { port: app.port } } : { tcpSocket: { port: portName(app) } };
  for (const key of ['readinessProbe', 'livenessProbe']) {
    const { httpGet: _h, tcpSocket: _t, ...timing } = container[key] as Record<string, unknown>;
    container[key] = { ...action, ...timing };
  }
}

/**
 * A Spring Boot actuator on its own port: the container declares it as `management` and the probes go there
 * (the Service keeps only the app's port).
 */
function withProbePort(container: Container, app: DetectedApp): void {
  if (app.probePort === undefined || app.protocol === 'grpc') return;
  container.ports = [...(container.ports ?? []), { name: 'management', containerPort: app.probePort, protocol: 'TCP' }];
  for (const key of ['readinessProbe', 'livenessProbe']) {
    const probe = container[key] as { httpGet?: { port: unknown }; tcpSocket?: { port: unknown } };
    if (probe.httpGet) probe.httpGet.port = 'management';
  }
}

function appManifests(
  app: DetectedApp,
  project: DetectedProject,
  options: K8sOptions,
  hasSecrets: boolean,
): Manifest[] {
  const resources = appResources(app);
  const spec = DeploymentSpec.parse({
    name: app.name,
    namespace: options.namespace,
    partOf: project.name,
    image: `${options.registry ?? project.name}/${app.name}:${app.version}`,
    port: app.port,
    cpu: resources.requests.cpu,
    memory: resources.requests.memory,
    healthPath: app.healthPath,
  });
  const deployment = deploymentManifest(spec, false);
  const template = podTemplate(spec, {
    cpuGiven: false,
    writablePaths: writablePaths(app),
    spread: spec.replicas > 1,
    serviceAccountName: project.name,
    envFrom: [
      { configMapRef: { name: `${project.name}-config` } },
      ...(hasSecrets ? [{ secretRef: { name: `${project.name}-secrets` } }] : []),
    ],
  });
  const container = (template.spec as { containers: Container[] }).containers[0]!;
  asGrpc(container, app);
  withProbePort(container, app);
  const base = { name: app.name, namespace: options.namespace, partOf: project.name };
  return [
    { ...deployment, spec: { ...(deployment.spec as Record<string, unknown>), template } },
    grpcService(serviceManifest({ ...base, port: 80, targetPort: app.port, serviceType: 'ClusterIP' }), app),
    pdbManifest({ ...base, minAvailable: 1 }),
  ];
}

/** A gRPC server's Service: the port named `grpc`, on the server's own port, with `appProtocol: grpc`. */
function grpcService(service: Manifest, app: DetectedApp): Manifest {
  if (app.protocol !== 'grpc') return service;
  const spec = service.spec as Record<string, unknown>;
  return {
    ...service,
    spec: {
      ...spec,
      ports: [{ name: 'grpc', port: app.port, targetPort: 'grpc', protocol: 'TCP', appProtocol: 'grpc' }],
    },
  };
}

/**
 * Plain Kubernetes manifests for a detected project, one file per app (`k8s/<app>.yaml`: Deployment, Service,
 * PodDisruptionBudget) plus `k8s/config.yaml` (the ConfigMap `<project>-config` and the service account
 * `<project>`) and `k8s/ingress.yaml`. The apps
 * read credentials from the Secret `<project>-secrets`, which is referenced, never generated with values.
 */
export function generateK8sManifests(project: DetectedProject, options: K8sOptions = {}): GeneratedFile[] {
  const values = helmValues(project, options) as {
    configMap: { data: Record<string, string> };
    secret: { keys: string[] };
  };
  const shared = { namespace: options.namespace, partOf: project.name };
  // A variable without a value is not written: an empty string would override the default the code falls back to.
  const set = Object.entries(values.configMap.data).filter(([, v]) => v !== '');
  const unset = Object.keys(values.configMap.data).filter((k) => values.configMap.data[k] === '');
  const config = configMapManifest({ ...shared, name: `${project.name}-config`, env: Object.fromEntries(set) });
  if (unset.length > 0) {
    const meta = config.metadata as { annotations?: Record<string, string> };
    meta.annotations = { ...meta.annotations, 'opspilot.dev/unset-variables': unset.join(',') };
  }
  const hasSecrets = values.secret.keys.length > 0;
  const serviceAccount: Manifest = {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: objectMeta({ ...shared, name: project.name }),
    automountServiceAccountToken: false,
  };
  const file = (path: string, objects: Manifest[]): GeneratedFile => ({
    path,
    content: toYamlDocuments(objects),
    resourceType: objects.length === 1 ? objects[0]!.kind : 'KubernetesManifests',
  });
  const paths = ingressPaths(project.apps);
  const appFiles = project.apps.map((app) =>
    file(`k8s/${app.name}.yaml`, appManifests(app, project, options, hasSecrets)),
  );
  const host = options.host ?? `${project.name}.local`;
  const ingress = ingressManifest({
    ...shared,
    name: project.name,
    host,
    path: '/',
    port: 80,
    tls: true,
  });
  const rules = [...paths.entries()]
    .sort(([, a], [, b]) => b.length - a.length)
    .map(([name, path]) => ({
      path,
      pathType: 'Prefix',
      backend: { service: { name, port: { number: 80 } } },
    }));
  const ingressSpec = ingress.spec as { rules: { host?: string; http: { paths: unknown[] } }[] };
  ingressSpec.rules = [{ host, http: { paths: rules } }];
  return [
    ...appFiles,
    file('k8s/config.yaml', [config, serviceAccount]),
    ...(paths.size > 0 ? [file('k8s/ingress.yaml', [ingress])] : []),
  ];
}
