import type { ResourceType } from '../api/resourceTypes.js';
import { badRequest } from '../api/statusError.js';
import type { KubeObject } from './kubeObject.js';

type Requirement = (labels: Record<string, string>) => boolean;

/**
 * Parses a label selector (`a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`, comma-separated) into a
 * predicate over labels. A malformed selector is a 400.
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors
 */
export function parseLabelSelector(
  selector: string | undefined,
): (labels: Record<string, string> | undefined) => boolean {
  if (!selector || selector.trim() === '') return () => true;
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of selector) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  const requirements: Requirement[] = parts.map((raw) => {
    const part = raw.trim();
    let m = part.match(/^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/);
    if (m) {
      const [, key, op, list] = m as unknown as [string, string, string, string];
      const values = list
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean);
      return op === 'in'
        ? (l) => l[key] !== undefined && values.includes(l[key]!)
        : (l) => l[key] === undefined || !values.includes(l[key]!);
    }
    m = part.match(/^([\w./-]+)\s*(==|=|!=)\s*([\w.-]*)$/);
    if (m) {
      const [, key, op, value] = m as unknown as [string, string, string, string];
      return op === '!=' ? (l) => l[key] !== value : (l) => l[key] === value;
    }
    m = part.match(/^(!?)([\w./-]+)$/);
    if (m) {
      const [, not, key] = m as unknown as [string, string, string];
      return not ? (l) => l[key] === undefined : (l) => l[key] !== undefined;
    }
    throw badRequest(`unable to parse requirement: invalid label selector "${part}"`);
  });
  return (labels) => requirements.every((r) => r(labels ?? {}));
}

function fieldValue(obj: KubeObject, path: string): string | undefined {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur === undefined || cur === null ? undefined : String(cur);
}

const INVOLVED = ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath'];
const CORE_EVENT_FIELDS = [
  ...INVOLVED.map((f) => `involvedObject.${f}`),
  'reason',
  'reportingComponent',
  'source',
  'type',
];

/** Field selectors each kind supports besides `metadata.name` and `metadata.namespace`, as on a real server. */
const FIELDS_BY_KIND: Record<string, string[]> = {
  Pod: [
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'spec.hostNetwork',
    'status.phase',
    'status.podIP',
    'status.nominatedNodeName',
  ],
  Event: CORE_EVENT_FIELDS,
  Namespace: ['status.phase'],
  Node: ['spec.unschedulable'],
  Secret: ['type'],
  Service: ['spec.clusterIP', 'spec.type'],
  ReplicaSet: ['status.replicas'],
  Job: ['status.successful'],
};

/** events.k8s.io/v1 names of core Event fields, for selectors on `events.events.k8s.io`. */
const EVENT_ALIASES: Record<string, string> = {
  ...Object.fromEntries(INVOLVED.map((f) => [`regarding.${f}`, `involvedObject.${f}`])),
  reportingController: 'reportingComponent',
  deprecatedSource: 'source',
};

/** Values of boolean fields read as the server prints them when unset. */
const BOOLEAN_FIELDS = new Set(['spec.unschedulable', 'spec.hostNetwork']);

function supported(field: string, type: Pick<ResourceType, 'kind' | 'group'> | undefined): boolean {
  if (field === 'metadata.name' || field === 'metadata.namespace') return true;
  if (!type) return Object.values(FIELDS_BY_KIND).some((fields) => fields.includes(field));
  const builtin =
    type.group === '' || type.group === 'apps' || type.group === 'batch' || type.group === 'events.k8s.io';
  return builtin && (FIELDS_BY_KIND[type.kind] ?? []).includes(field);
}

/**
 * Parses a field selector (`metadata.name=x`, `status.phase!=Running`, comma-separated) into a predicate, over the
 * fields the real server supports for the kind (any kind's when `type` is omitted). An unsupported field is a 400
 * as on a real server.
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/field-selectors/
 */
export function parseFieldSelector(
  selector: string | undefined,
  type?: Pick<ResourceType, 'kind' | 'group'>,
): (obj: KubeObject) => boolean {
  if (!selector || selector.trim() === '') return () => true;
  const requirements = selector.split(/(?<!\\),/).map((raw) => {
    const m = raw.trim().match(/^([\w.]+)\s*(==|=|!=)\s*(.*)$/);
    if (!m) throw badRequest(`invalid selector: '${selector}'; can't understand '${raw}'`);
    const [, given, op, rawValue] = m as unknown as [string, string, string, string];
    const field = type?.group === 'events.k8s.io' ? (EVENT_ALIASES[given] ?? given) : given;
    if (!supported(field, type)) throw badRequest(`field label not supported: ${given}`);
    const value = rawValue.replace(/\\([,=\\])/g, '$1');
    const read = (obj: KubeObject) => fieldValue(obj, field) ?? (BOOLEAN_FIELDS.has(field) ? 'false' : '');
    return (obj: KubeObject) => (read(obj) === value) === (op !== '!=');
  });
  return (obj) => requirements.every((r) => r(obj));
}
