import type { StatusCause } from './statusError.js';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const SOURCES: Record<string, string> = {
  Resource: 'resource',
  ContainerResource: 'containerResource',
  Pods: 'pods',
  Object: 'object',
  External: 'external',
};

function invalidValue(field: string, value: unknown, message: string): StatusCause {
  return { reason: 'FieldValueInvalid', message: `Invalid value: ${JSON.stringify(value)}: ${message}`, field };
}

/**
 * What the real API server checks of a HorizontalPodAutoscaler's spec besides required fields: replica bounds
 * (`spec.maxReplicas: Invalid value: 0: must be greater than 0`, `must be greater than or equal to \`minReplicas\``)
 * and, per metric, a supported `type` whose source is the one populated.
 * @see https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/
 */
export function autoscalerCauses(spec: Json): StatusCause[] {
  const causes: StatusCause[] = [];
  const { minReplicas, maxReplicas } = spec;
  if (typeof minReplicas === 'number' && minReplicas < 1)
    causes.push(invalidValue('spec.minReplicas', minReplicas, 'must be greater than 0'));
  if (typeof maxReplicas === 'number' && maxReplicas < 1)
    causes.push(invalidValue('spec.maxReplicas', maxReplicas, 'must be greater than 0'));
  if (typeof minReplicas === 'number' && typeof maxReplicas === 'number' && maxReplicas < minReplicas)
    causes.push(invalidValue('spec.maxReplicas', maxReplicas, 'must be greater than or equal to `minReplicas`'));
  const metrics = Array.isArray(spec.metrics) ? spec.metrics : [];
  metrics.forEach((metric, i) => {
    if (!isObject(metric) || typeof metric.type !== 'string' || metric.type === '') return;
    const field = SOURCES[metric.type];
    if (!field) {
      causes.push({
        reason: 'FieldValueNotSupported',
        message: `Unsupported value: ${JSON.stringify(metric.type)}: supported values: ${Object.keys(SOURCES)
          .map((s) => `"${s}"`)
          .join(', ')}`,
        field: `spec.metrics[${i}].type`,
      });
    } else if (!isObject(metric[field])) {
      causes.push({
        reason: 'FieldValueRequired',
        message: 'Required value: must populate information for the given metric source',
        field: `spec.metrics[${i}].${field}`,
      });
    }
  });
  return causes;
}
