import { kubeRule } from '../kubeRule.js';

/**
 * The default namespace mixes unrelated workloads and their permissions; give each application its own.
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/
 */
export const namespaceDefault = kubeRule({
  id: 'namespace-default',
  appliesTo: [
    'Deployment',
    'StatefulSet',
    'DaemonSet',
    'Pod',
    'Job',
    'CronJob',
    'Service',
    'ConfigMap',
    'Secret',
    'Ingress',
    'ServiceAccount',
    'Role',
    'RoleBinding',
  ],
  category: 'security',
  severity: 'WARNING',
  description: 'Objects should not be placed in the default namespace',
  fix: 'set metadata.namespace to the application namespace',
  check: (obj) =>
    obj.metadata?.namespace === 'default'
      ? [{ message: `${obj.kind} is placed in the default namespace`, path: 'metadata.namespace' }]
      : [],
});
