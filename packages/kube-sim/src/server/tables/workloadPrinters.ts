import type { KubeObject } from '../../store/kubeObject.js';
import {
  AGE,
  type Cell,
  column,
  containersAndImages,
  count,
  field,
  formatLabels,
  formatSelector,
  type Json,
  list,
  type Printer,
  wide,
} from './columns.js';
import { humanDuration, since } from './humanDuration.js';

const int = { type: 'integer' };
const CONTAINERS = wide('Containers', 'Names of each container in the template.');
const IMAGES = wide('Images', 'Images referenced by each container in the template.');
const SELECTOR = wide('Selector', 'Label selector for pods.');
const age = (o: KubeObject, now: Date) => since(o.metadata.creationTimestamp, now);

function templateColumns(o: KubeObject, withSelector = true): Cell[] {
  const spec = field(o, 'spec');
  const [names, images] = containersAndImages(field(spec, 'template'));
  return withSelector ? [names, images, formatSelector(spec.selector)] : [names, images];
}

const hasCondition = (o: KubeObject, type: string) =>
  list(field(o, 'status'), 'conditions').some((c) => c.type === type && c.status === 'True');

/**
 * Printers of the workload kinds (apps, batch, autoscaling, policy), with kubectl's columns.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#receiving-resources-as-tables
 */
export const WORKLOAD_PRINTERS: Record<string, Printer> = {
  Deployment: {
    columns: [
      column('Ready', 'Number of the pod with ready state'),
      column(
        'Up-to-date',
        'Total number of non-terminated pods targeted by this deployment that have the desired template spec.',
        int,
      ),
      column(
        'Available',
        'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.',
        int,
      ),
      AGE,
      CONTAINERS,
      IMAGES,
      SELECTOR,
    ],
    cells: (o, now) => {
      const spec = field(o, 'spec');
      const s = field(o, 'status');
      return [
        `${count(s, 'readyReplicas')}/${count(spec, 'replicas')}`,
        count(s, 'updatedReplicas'),
        count(s, 'availableReplicas'),
        age(o, now),
        ...templateColumns(o),
      ];
    },
  },
  ReplicaSet: {
    columns: [
      column('Desired', 'Number of desired pods.', int),
      column('Current', 'Number of actual replicas.', int),
      column('Ready', 'The number of ready replicas for this replica set.', int),
      AGE,
      CONTAINERS,
      IMAGES,
      SELECTOR,
    ],
    cells: (o, now) => {
      const s = field(o, 'status');
      const desired = count(field(o, 'spec'), 'replicas');
      return [desired, count(s, 'replicas'), count(s, 'readyReplicas'), age(o, now), ...templateColumns(o)];
    },
  },
  StatefulSet: {
    columns: [column('Ready', 'Number of the pod with ready state'), AGE, CONTAINERS, IMAGES],
    cells: (o, now) => [
      `${count(field(o, 'status'), 'readyReplicas')}/${count(field(o, 'spec'), 'replicas')}`,
      age(o, now),
      ...templateColumns(o, false),
    ],
  },
  DaemonSet: {
    columns: [
      column('Desired', 'The total number of nodes that should be running the daemon pod.', int),
      column('Current', 'The number of nodes that are running at least 1 daemon pod.', int),
      column(
        'Ready',
        'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and ready.',
        int,
      ),
      column('Up-to-date', 'The total number of nodes that are running updated daemon pod.', int),
      column(
        'Available',
        'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available.',
        int,
      ),
      column('Node Selector', 'NodeSelector is a selector which must be true for the pod to fit on a node.'),
      AGE,
      CONTAINERS,
      IMAGES,
      SELECTOR,
    ],
    cells: (o, now) => {
      const s = field(o, 'status');
      const template = field(field(o, 'spec'), 'template');
      return [
        count(s, 'desiredNumberScheduled'),
        count(s, 'currentNumberScheduled'),
        count(s, 'numberReady'),
        count(s, 'updatedNumberScheduled'),
        count(s, 'numberAvailable'),
        formatLabels(field(template, 'spec').nodeSelector),
        age(o, now),
        ...templateColumns(o),
      ];
    },
  },
  Job: {
    columns: [
      column('Status', 'Status of the job.'),
      column('Completions', 'The completion status of the job.'),
      column('Duration', 'Time required to complete the job.'),
      AGE,
      CONTAINERS,
      IMAGES,
      SELECTOR,
    ],
    cells: (o, now) => {
      const spec = field(o, 'spec');
      const s = field(o, 'status');
      const status = hasCondition(o, 'Complete')
        ? 'Complete'
        : hasCondition(o, 'Failed')
          ? 'Failed'
          : o.metadata.deletionTimestamp
            ? 'Terminating'
            : hasCondition(o, 'Suspended')
              ? 'Suspended'
              : hasCondition(o, 'FailureTarget')
                ? 'FailureTarget'
                : 'Running';
      const succeeded = count(s, 'succeeded');
      const parallelism = count(spec, 'parallelism');
      const completions =
        typeof spec.completions === 'number'
          ? `${succeeded}/${spec.completions}`
          : parallelism > 1
            ? `${succeeded}/1 of ${parallelism}`
            : `${succeeded}/1`;
      const start = typeof s.startTime === 'string' ? Date.parse(s.startTime) : undefined;
      const end = typeof s.completionTime === 'string' ? Date.parse(s.completionTime) : now.getTime();
      const duration = start === undefined ? '' : humanDuration(end - start);
      return [status, completions, duration, age(o, now), ...templateColumns(o)];
    },
  },
  CronJob: {
    columns: [
      column('Schedule', 'The schedule in Cron format.'),
      column('Timezone', 'The time zone name for the given schedule.'),
      column('Suspend', 'This flag tells the controller to suspend subsequent executions.', { type: 'boolean' }),
      column('Active', 'A list of pointers to currently running jobs.', int),
      column('Last Schedule', 'Information when was the last time the job was successfully scheduled.'),
      AGE,
      CONTAINERS,
      IMAGES,
      SELECTOR,
    ],
    cells: (o, now) => {
      const spec = field(o, 'spec');
      const s = field(o, 'status');
      const jobSpec = field(field(spec, 'jobTemplate'), 'spec');
      const [names, images] = containersAndImages(field(jobSpec, 'template'));
      return [
        String(spec.schedule ?? ''),
        String(spec.timeZone ?? '<none>'),
        spec.suspend === true ? 'True' : 'False',
        list(s, 'active').length,
        s.lastScheduleTime ? since(s.lastScheduleTime, now) : '<none>',
        age(o, now),
        names,
        images,
        formatSelector(jobSpec.selector),
      ];
    },
  },
  HorizontalPodAutoscaler: {
    columns: [
      column('Reference', 'Reference to the target resource.'),
      column('Targets', 'Current and target metric values.'),
      column('MinPods', 'Lower limit for the number of pods.'),
      column('MaxPods', 'Upper limit for the number of pods.', int),
      column('Replicas', 'Current number of replicas managed by this autoscaler.', int),
      AGE,
    ],
    cells: (o, now) => {
      const spec = field(o, 'spec');
      const s = field(o, 'status');
      const ref = field(spec, 'scaleTargetRef');
      return [
        `${ref.kind}/${ref.name}`,
        hpaTargets(spec, s),
        typeof spec.minReplicas === 'number' ? String(spec.minReplicas) : '<unset>',
        count(spec, 'maxReplicas'),
        count(s, 'currentReplicas'),
        age(o, now),
      ];
    },
  },
  PodDisruptionBudget: {
    columns: [
      column('Min Available', 'The minimum number of pods that must be available.'),
      column('Max Unavailable', 'The maximum number of pods that may be unavailable.'),
      column('Allowed Disruptions', 'Calculated number of pods that may be disrupted at this time.', int),
      AGE,
    ],
    cells: (o, now) => {
      const spec = field(o, 'spec');
      return [
        spec.minAvailable === undefined ? 'N/A' : String(spec.minAvailable),
        spec.maxUnavailable === undefined ? 'N/A' : String(spec.maxUnavailable),
        count(field(o, 'status'), 'disruptionsAllowed'),
        age(o, now),
      ];
    },
  },
  ControllerRevision: {
    columns: [
      column('Controller', 'Controller of the object.'),
      column('Revision', 'Revision indicates the revision of the state represented by Data.', int),
      AGE,
    ],
    cells: (o, now) => {
      const owner = o.metadata.ownerReferences?.find((r) => r.controller);
      const group = owner?.apiVersion.includes('/') ? `.${owner.apiVersion.split('/')[0]}` : '';
      return [
        owner ? `${owner.kind.toLowerCase()}${group}/${owner.name}` : '<none>',
        Number(o.revision ?? 0),
        age(o, now),
      ];
    },
  },
};

/** `cpu: 45%/80%, memory: <unknown>/500Mi` — the TARGETS column of an autoscaling/v2 HPA. */
function hpaTargets(spec: Json, status: Json): string {
  const metrics = list(spec, 'metrics');
  if (metrics.length === 0) return '<none>';
  const current = list(status, 'currentMetrics');
  const parts = metrics.map((m, i) => {
    const type = String(m.type);
    const source = field(m, type.charAt(0).toLowerCase() + type.slice(1));
    const target = field(source, 'target');
    const now = field(field(current[i], type.charAt(0).toLowerCase() + type.slice(1)), 'current');
    const name = type === 'Resource' || type === 'ContainerResource' ? `${source.name}: ` : '';
    if (target.type === 'Utilization') {
      const value = now.averageUtilization === undefined ? '<unknown>' : `${now.averageUtilization}%`;
      return `${name}${value}/${target.averageUtilization}%`;
    }
    const want = target.averageValue ?? target.value;
    const have = now.averageValue ?? now.value;
    return `${name}${have === undefined ? '<unknown>' : String(have)}/${String(want)}`;
  });
  return parts.length > 3 ? `${parts.slice(0, 3).join(', ')} + ${parts.length - 3} more...` : parts.join(', ');
}
