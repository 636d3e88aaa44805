import type { ObjectRef, PlanStep } from '@opspilot/core';
import { stringify } from 'yaml';
import { isNamespaced, KINDS } from '../intent/kindWords.js';
import type { ShellCommand } from './shellCommand.js';

/** The resource name kubectl takes for a kind (`deployment`, `horizontalpodautoscaler`). */
const kubectlKind = (kind: string) => kind.toLowerCase();
const ns = (namespace: string | undefined) => (namespace ? ['-n', namespace] : []);

function plural(kind: string): string {
  return (KINDS as Record<string, { plural: string }>)[kind]?.plural ?? `${kind.toLowerCase()}s`;
}

/**
 * A manifest as YAML that YAML 1.1 readers (kubectl's, via sigs.k8s.io/yaml) read back unchanged: `N`, `on`, `yes`,
 * `0777` and the like are quoted, where YAML 1.2 output would leave them bare and kubectl would read a boolean or a
 * number.
 */
export function manifestYaml(object: unknown): string {
  return stringify(object, { version: '1.1' });
}

/** `10m`, `2h`, `45s`: how kubectl's `--since` is usually written. */
export function formatSince(seconds: number): string {
  if (seconds % 3_600 === 0) return `${seconds / 3_600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}

/** The patch body of a partial object: everything but its identity. */
export function patchBody(
  object: Record<string, unknown> & { metadata: { name: string; namespace?: string } },
): Record<string, unknown> {
  const { apiVersion: _a, kind: _k, metadata, ...rest } = object;
  const { name: _n, namespace: _ns, ...meta } = metadata;
  return Object.keys(meta).length ? { metadata: meta, ...rest } : rest;
}

function analyzeCommands(target: ObjectRef | undefined, namespace: string | undefined): ShellCommand[] {
  if (target) {
    const where = ns(target.namespace);
    return [
      { args: ['kubectl', 'describe', kubectlKind(target.kind), target.name, ...where] },
      {
        args: [
          'kubectl',
          'get',
          'events',
          ...where,
          `--field-selector=involvedObject.name=${target.name}`,
          '--sort-by=.lastTimestamp',
        ],
      },
    ];
  }
  const where = namespace ? ns(namespace) : ['-A'];
  return [
    { args: ['kubectl', 'get', 'pods', ...where, '-o', 'wide'] },
    { args: ['kubectl', 'get', 'events', ...where, '--field-selector=type=Warning', '--sort-by=.lastTimestamp'] },
  ];
}

/** The kubectl command(s) equivalent to one plan step, shell-independent. */
export function stepCommands(step: PlanStep): ShellCommand[] {
  const comment = step.description;
  switch (step.op) {
    case 'apply': {
      const { object } = step;
      if (step.mode === 'create') {
        return [
          {
            comment,
            args: ['kubectl', 'apply', '--server-side', '--field-manager=opspilot', '-f', '-'],
            stdin: manifestYaml(object),
          },
        ];
      }
      const { name, namespace } = object.metadata;
      const patch = JSON.stringify(patchBody(object));
      return [
        {
          comment,
          args: ['kubectl', 'patch', kubectlKind(object.kind), name, ...ns(namespace), '--type=strategic', '-p', patch],
        },
      ];
    }
    case 'scale':
      return [
        {
          comment,
          args: [
            'kubectl',
            'scale',
            `${kubectlKind(step.target.kind)}/${step.target.name}`,
            ...ns(step.target.namespace),
            `--replicas=${step.replicas}`,
          ],
        },
      ];
    case 'rolloutRestart':
      return [
        {
          comment,
          args: [
            'kubectl',
            'rollout',
            'restart',
            `${kubectlKind(step.target.kind)}/${step.target.name}`,
            ...ns(step.target.namespace),
          ],
        },
      ];
    case 'rolloutUndo':
      return [
        {
          comment,
          args: [
            'kubectl',
            'rollout',
            'undo',
            `${kubectlKind(step.target.kind)}/${step.target.name}`,
            ...ns(step.target.namespace),
            ...(step.toRevision ? [`--to-revision=${step.toRevision}`] : []),
          ],
        },
      ];
    case 'delete':
      return [
        {
          comment,
          args: ['kubectl', 'delete', kubectlKind(step.target.kind), step.target.name, ...ns(step.target.namespace)],
        },
      ];
    case 'cordon':
    case 'uncordon':
      return [{ comment, args: ['kubectl', step.op, step.target.name] }];
    case 'drain':
      // The flags are the ones the drain acts on: without them, DaemonSet pods and pods with emptyDir volumes refuse
      // the drain in opspilot as in kubectl. No `--force`: opspilot refuses pods without a controller, as kubectl does.
      return [
        {
          comment,
          args: [
            'kubectl',
            'drain',
            step.target.name,
            ...(step.ignoreDaemonSets ? ['--ignore-daemonsets'] : []),
            ...(step.deleteEmptyDirData ? ['--delete-emptydir-data'] : []),
          ],
        },
      ];
    case 'logs': {
      const who =
        step.target.kind === 'Pod' || !step.labelSelector
          ? [step.target.kind === 'Pod' ? step.target.name : `${kubectlKind(step.target.kind)}/${step.target.name}`]
          : ['-l', step.labelSelector];
      const args = [
        'kubectl',
        'logs',
        ...who,
        ...ns(step.target.namespace),
        ...(step.container ? ['-c', step.container] : ['--all-containers']),
        ...(step.labelSelector && step.target.kind !== 'Pod' ? ['--prefix'] : []),
        ...(step.sinceSeconds ? [`--since=${formatSince(step.sinceSeconds)}`] : []),
        ...(step.tailLines ? [`--tail=${step.tailLines}`] : []),
      ];
      return [{ comment, args, ...(step.match ? { grep: step.match } : {}) }];
    }
    case 'get':
    case 'describe':
      return [
        {
          comment,
          args: ['kubectl', step.op, kubectlKind(step.target.kind), step.target.name, ...ns(step.target.namespace)],
        },
      ];
    case 'list': {
      const where = isNamespaced(step.kind) ? (step.namespace ? ns(step.namespace) : ['-A']) : [];
      const output =
        step.show === 'images'
          ? ['-o', 'custom-columns=NAMESPACE:.metadata.namespace,NAME:.metadata.name,IMAGES:.spec.containers[*].image']
          : step.show === 'wide'
            ? ['-o', 'wide']
            : [];
      const args = [
        'kubectl',
        'get',
        plural(step.kind),
        ...where,
        ...(step.labelSelector ? ['-l', step.labelSelector] : []),
        ...(step.fieldSelector ? [`--field-selector=${step.fieldSelector}`] : []),
        ...output,
      ];
      return [{ comment, args }];
    }
    case 'analyze': {
      const [first, ...rest] = analyzeCommands(step.target, step.namespace);
      return first ? [{ ...first, comment }, ...rest] : [];
    }
    case 'changes': {
      const where = step.namespace ? ns(step.namespace) : ['-A'];
      return [
        { comment, args: ['opspilot', 'audit', 'list'] },
        { args: ['kubectl', 'get', 'replicasets', ...where, '--sort-by=.metadata.creationTimestamp'] },
        { args: ['kubectl', 'get', 'events', ...where, '--sort-by=.lastTimestamp'] },
      ];
    }
  }
}
