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
import { appResources, ingressPaths, writablePaths } from './appDefaults.js';

/** Options of {@link generateK8sManifests}. */
export interface K8sOptions {
  /** Image repository prefix; default the project name. */
  registry?: string;
  /** Host of the Ingress; default `<project>.local`. */
  host?: string;
  namespace?: string;
}

function appManifests(app: DetectedApp, project: DetectedProject, options: K8sOptions): Manifest[] {
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
    envFrom: [{ configMapRef: { name: `${project.name}-config` } }, { secretRef: { name: `${project.name}-secrets` } }],
  });
  const base = { name: app.name, namespace: options.namespace, partOf: project.name };
  return [
    { ...deployment, spec: { ...(deployment.spec as Record<string, unknown>), template } },
    serviceManifest({ ...base, port: 80, targetPort: app.port, serviceType: 'ClusterIP' }),
    pdbManifest({ ...base, minAvailable: 1 }),
  ];
}

/**
 * Plain Kubernetes manifests for a detected project, one file per app (`k8s/<app>.yaml`: Deployment, Service,
 * PodDisruptionBudget) plus `k8s/config.yaml` (the ConfigMap `<project>-config` and the service account
 * `<project>`) and `k8s/ingress.yaml`. The apps
 * read credentials from the Secret `<project>-secrets`, which is referenced, never generated with values.
 */
export function generateK8sManifests(project: DetectedProject, options: K8sOptions = {}): GeneratedFile[] {
  const values = helmValues(project, options) as { configMap: { data: Record<string, string> } };
  const shared = { namespace: options.namespace, partOf: project.name };
  const config = configMapManifest({ ...shared, name: `${project.name}-config`, env: values.configMap.data });
  const serviceAccount: Manifest = {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: objectMeta({ ...shared, name: project.name }),
    automountServiceAccountToken: false,
  };
  const paths = ingressPaths(project.apps);
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
  const file = (path: string, objects: Manifest[]): GeneratedFile => ({
    path,
    content: toYamlDocuments(objects),
    resourceType: objects.length === 1 ? objects[0]!.kind : 'KubernetesManifests',
  });
  return [
    ...project.apps.map((app) => file(`k8s/${app.name}.yaml`, appManifests(app, project, options))),
    file('k8s/config.yaml', [config, serviceAccount]),
    file('k8s/ingress.yaml', [ingress]),
  ];
}
