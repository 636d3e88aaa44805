import type { Container, PodTemplate } from './kubeShapes.js';

const CONTAINER_FIELDS = [
  'image',
  'command',
  'args',
  'env',
  'envFrom',
  'ports',
  'resources',
  'readinessProbe',
  'livenessProbe',
  'startupProbe',
  'volumeMounts',
] as const;
const POD_FIELDS = ['volumes', 'nodeSelector', 'affinity', 'tolerations', 'serviceAccountName'] as const;

const shown = (value: unknown) => (value === undefined ? '(unset)' : JSON.stringify(value));

/**
 * The exact difference between two pod templates, one line per field that differs, written
 * `containers[app].command: ["python3","-c","x"] → (unset)` (from `from` to `to`). Empty when they match in every
 * field a pod's behaviour depends on.
 */
export function templateDiff(from: PodTemplate, to: PodTemplate): string[] {
  const lines: string[] = [];
  const compare = (path: string, a: unknown, b: unknown) => {
    if (JSON.stringify(a) !== JSON.stringify(b)) lines.push(`${path}: ${shown(a)} → ${shown(b)}`);
  };
  for (const group of ['initContainers', 'containers'] as const) {
    const before = new Map((from.spec[group] ?? []).map((c: Container) => [c.name, c]));
    const after = new Map((to.spec[group] ?? []).map((c: Container) => [c.name, c]));
    for (const name of new Set([...before.keys(), ...after.keys()])) {
      const a = before.get(name);
      const b = after.get(name);
      if (!a || !b) {
        lines.push(`${group}[${name}]: ${a ? 'present' : '(unset)'} → ${b ? 'present' : '(unset)'}`);
        continue;
      }
      for (const field of CONTAINER_FIELDS) compare(`${group}[${name}].${field}`, a[field], b[field]);
    }
  }
  for (const field of POD_FIELDS) compare(`spec.${field}`, from.spec[field], to.spec[field]);
  return lines;
}
