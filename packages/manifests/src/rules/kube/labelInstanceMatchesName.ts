import { WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

const INSTANCE = 'app.kubernetes.io/instance';

/**
 * The `app.kubernetes.io/instance` label names the instance an object belongs to; on a workload it should be the
 * workload's own name, so a label copied from another manifest (instance `billing` on Deployment `orders`) is
 * caught. Polaris: metadataAndInstanceMismatched. Two deliberate differences from Polaris: a workload without the
 * label is left to `label-recommended`, and a name of the form `<instance>-<suffix>` passes (Helm names objects
 * `<release>-<chart>` and sets the instance label to the release).
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/common-labels/
 */
export const labelInstanceMatchesName = kubeRule({
  id: 'label-instance-matches-name',
  appliesTo: WORKLOAD_KINDS,
  category: 'reliability',
  severity: 'INFO',
  description: 'The app.kubernetes.io/instance label of a workload should match its metadata.name',
  fix: 'set metadata.labels["app.kubernetes.io/instance"] to the name of the object (or of its Helm release)',
  check: (obj) => {
    const instance = obj.metadata?.labels?.[INSTANCE];
    const name = obj.metadata?.name;
    if (typeof instance !== 'string' || typeof name !== 'string' || instance === '') return [];
    if (name === instance || name.startsWith(`${instance}-`)) return [];
    return [
      {
        message: `the ${INSTANCE} label is "${instance}" but the ${obj.kind} is named "${name}"`,
        path: `metadata.labels["${INSTANCE}"]`,
      },
    ];
  },
});
