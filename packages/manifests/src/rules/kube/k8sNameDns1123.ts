import { containersOf } from '../../kube/podSpec.js';
import { kubeRule, type Problem } from '../kubeRule.js';

const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
/** Kinds whose names must be DNS-1123 labels (they become DNS names or host names). */
const LABEL_KINDS = new Set(['Namespace']);
const DNS1035_KINDS = new Set(['Service']);

function checkName(value: unknown, path: string, what: string, kind: 'subdomain' | 'label' | 'dns1035'): Problem[] {
  if (typeof value !== 'string' || value === '') return [{ message: `${what} is missing`, path, fix: `set ${path}` }];
  const [re, max, text] =
    kind === 'subdomain'
      ? [SUBDOMAIN, 253, 'a DNS-1123 subdomain (lowercase letters, digits, "-" and ".", at most 253 characters)']
      : kind === 'label'
        ? [LABEL, 63, 'a DNS-1123 label (lowercase letters, digits and "-", at most 63 characters)']
        : [DNS1035, 63, 'a DNS-1035 label (starting with a letter; lowercase letters, digits and "-", at most 63)'];
  if (value.length <= max && re.test(value)) return [];
  const suggestion = value
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max);
  return [{ message: `${what} "${value}" is not ${text}`, path, fix: `rename it, e.g. "${suggestion || 'app'}"` }];
}

/**
 * Object names, namespaces and container names must be valid DNS names, or the API server rejects the object.
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/names/
 */
export const k8sNameDns1123 = kubeRule({
  id: 'k8s-name-dns1123',
  appliesTo: ['*'],
  category: 'reliability',
  severity: 'ERROR',
  description: 'Names must be valid DNS-1123 names (objects, namespaces, containers)',
  fix: 'use lowercase letters, digits and "-"',
  check: (obj) => {
    const kind = LABEL_KINDS.has(obj.kind) ? 'label' : DNS1035_KINDS.has(obj.kind) ? 'dns1035' : 'subdomain';
    const out: Problem[] = [];
    const generated = typeof (obj.metadata as { generateName?: unknown })?.generateName === 'string';
    if (!generated) out.push(...checkName(obj.metadata?.name, 'metadata.name', `${obj.kind} name`, kind));
    if (obj.metadata?.namespace !== undefined) {
      out.push(...checkName(obj.metadata.namespace, 'metadata.namespace', 'namespace', 'label'));
    }
    for (const { c, path } of containersOf(obj))
      out.push(...checkName(c.name, `${path}.name`, 'container name', 'label'));
    return out;
  },
});
