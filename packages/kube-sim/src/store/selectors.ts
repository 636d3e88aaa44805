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

const SUPPORTED_FIELDS =
  /^(metadata\.name|metadata\.namespace|spec\.nodeName|spec\.unschedulable|status\.phase|spec\.schedulerName|type|reason|involvedObject\.\w+|spec\.type)$/;

/**
 * Parses a field selector (`metadata.name=x`, `status.phase!=Running`, comma-separated) over the fields the real
 * server supports for the common kinds. An unsupported field is a 400 as on a real server.
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/field-selectors/
 */
export function parseFieldSelector(selector: string | undefined): (obj: KubeObject) => boolean {
  if (!selector || selector.trim() === '') return () => true;
  const requirements = selector.split(',').map((raw) => {
    const m = raw.trim().match(/^([\w.]+)\s*(==|=|!=)\s*(.*)$/);
    if (!m) throw badRequest(`invalid field selector: "${raw}"`);
    const [, field, op, value] = m as unknown as [string, string, string, string];
    if (!SUPPORTED_FIELDS.test(field)) throw badRequest(`field label not supported: ${field}`);
    return (obj: KubeObject) => ((fieldValue(obj, field) ?? '') === value) === (op !== '!=');
  });
  return (obj) => requirements.every((r) => r(obj));
}
