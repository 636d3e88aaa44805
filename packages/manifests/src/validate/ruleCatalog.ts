import type { RuleCategory, ValidationSeverity } from '@opspilot/core';
import { DOCKER_RULES } from '../rules/dockerRules.js';
import { KUBE_RULES } from '../rules/kubeRules.js';

/** One row of the rule catalogue: what `opspilot validate` can report. */
export interface RuleInfo {
  id: string;
  category: RuleCategory | 'input';
  severity: ValidationSeverity;
  /** `Kubernetes`, `Dockerfile`, `YAML`, `Helm` or `input`. */
  target: string;
  description: string;
}

/** Checks on the input itself (files, YAML, charts), reported with category `input`. */
export const INPUT_RULES: readonly RuleInfo[] = [
  { id: 'file-too-large', description: 'The file is larger than the size limit (32 MiB)' },
  { id: 'file-binary', description: 'The file is binary, not text' },
  { id: 'file-encoding', description: 'The file is not valid UTF-8' },
  { id: 'yaml-syntax', description: 'The YAML must parse (reported with line and column)' },
  { id: 'yaml-duplicate-key', description: 'A YAML mapping must not repeat a key' },
  { id: 'yaml-alias-limit', description: 'Aliases must not expand beyond the limit (YAML bomb)' },
  { id: 'yaml-too-deep', description: 'Documents must not nest deeper than 200 levels' },
  { id: 'yaml-too-many-documents', description: 'A file must not hold more than 20,000 documents' },
  {
    id: 'k8s-missing-type',
    description: 'Each document of a manifest file must have apiVersion and kind',
    severity: 'WARNING' as const,
  },
  { id: 'helm-lint', description: 'helm lint must pass for each chart' },
  { id: 'helm-template', description: 'Each chart must render with helm template' },
  {
    id: 'helm-library-chart',
    description: 'A library chart is not rendered by itself (only through the charts using it)',
    severity: 'INFO' as const,
  },
  { id: 'kustomize-build', description: 'Each kustomization must build with kubectl kustomize' },
  {
    id: 'kustomize-unavailable',
    description: 'A kustomization was found but kubectl is not available to build it',
    severity: 'WARNING' as const,
  },
  {
    id: 'not-a-manifest',
    description: 'A YAML file that is not a Kubernetes manifest (tool configuration, CI) is skipped',
    severity: 'INFO' as const,
  },
  {
    id: 'helm-unavailable',
    description: 'A chart was found but no Helm renderer is available',
    severity: 'WARNING' as const,
  },
].map((r) => ({
  severity: 'ERROR' as const,
  ...r,
  category: 'input' as const,
  target: r.id.startsWith('helm')
    ? 'Helm'
    : r.id.startsWith('kustomize')
      ? 'kustomize'
      : r.id.startsWith('yaml')
        ? 'YAML'
        : r.id.startsWith('k8s')
          ? 'Kubernetes'
          : 'input',
}));

/** Every rule `validateFiles` may report, input checks first, then Kubernetes and Dockerfile rules by id. */
export function ruleCatalog(): RuleInfo[] {
  const kube = KUBE_RULES.map((r) => ({ ...pick(r), target: 'Kubernetes' }));
  const docker = DOCKER_RULES.map((r) => ({ ...pick(r), target: 'Dockerfile' }));
  return [...INPUT_RULES, ...[...kube, ...docker].sort((a, b) => a.id.localeCompare(b.id))];
}

/** The ids of every rule {@link ruleCatalog} lists, unsorted (sorting with localeCompare loads ICU's collator, ~10 ms). */
export function ruleIds(): string[] {
  return [...INPUT_RULES, ...KUBE_RULES, ...DOCKER_RULES].map((r) => r.id);
}

function pick(r: { id: string; category: RuleCategory; severity: ValidationSeverity; description: string }) {
  return { id: r.id, category: r.category, severity: r.severity, description: r.description };
}
