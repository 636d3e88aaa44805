import { z } from 'zod';
import { defineTemplate } from '../policyTemplate.js';
import { POD_KINDS } from './workloadKinds.js';

const Required = z.array(z.object({ key: z.string().min(1), allowedRegex: z.string().optional() })).min(1);

function missing(
  found: Record<string, unknown> | undefined,
  required: z.infer<typeof Required>,
  what: string,
): string[] {
  return required.flatMap(({ key, allowedRegex }) => {
    const value = found?.[key];
    if (typeof value !== 'string') return [`missing required ${what} "${key}"`];
    if (allowedRegex && !new RegExp(allowedRegex).test(value))
      return [`${what} "${key}" is "${value}", which does not match /${allowedRegex}/`];
    return [];
  });
}

/** Gatekeeper `k8srequiredlabels`. */
export const requiredLabels = defineTemplate({
  id: 'k8srequiredlabels',
  title: 'Required labels',
  description: 'Objects must carry the listed labels (optionally matching a regular expression)',
  kinds: [...POD_KINDS, 'Namespace', 'Service'],
  parameters: z.object({ labels: Required }),
  keywords: ['label', 'labels', 'labelled', 'labeled', 'tag', 'owner', 'team'],
  check: (obj, p) => missing(obj.metadata?.labels, p.labels, 'label'),
});

/** Gatekeeper `k8srequiredannotations`. */
export const requiredAnnotations = defineTemplate({
  id: 'k8srequiredannotations',
  title: 'Required annotations',
  description: 'Objects must carry the listed annotations (optionally matching a regular expression)',
  kinds: [...POD_KINDS, 'Namespace', 'Service'],
  parameters: z.object({ annotations: Required }),
  keywords: ['annotation', 'annotations', 'annotated'],
  check: (obj, p) => missing(obj.metadata?.annotations, p.annotations, 'annotation'),
});
