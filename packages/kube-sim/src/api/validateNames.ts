import type { ResourceType } from './resourceTypes.js';
import type { StatusCause } from './statusError.js';

const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const NAME_PART_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

type NameRule = (name: string) => string[];

const rule =
  (pattern: RegExp, message: string, max: number): NameRule =>
  (name) => [
    ...(name.length > max ? [`must be no more than ${max} characters`] : []),
    ...(pattern.test(name) ? [] : [message]),
  ];

const subdomain = rule(SUBDOMAIN, SUBDOMAIN_MSG, 253);
const label = rule(LABEL, LABEL_MSG, 63);
const dns1035 = rule(DNS1035, DNS1035_MSG, 63);
const pathSegment: NameRule = (name) => [
  ...(name === '.' || name === '..' ? [`may not be '${name}'`] : []),
  ...(name.includes('/') ? ["may not contain '/'"] : []),
  ...(name.includes('%') ? ["may not contain '%'"] : []),
];

/** The rule a kind's names follow on a real server (v1.32). */
function nameRule(type: Pick<ResourceType, 'group' | 'kind'>): NameRule {
  if (type.group === '' && type.kind === 'Namespace') return label;
  if (type.group === '' && type.kind === 'Service') return dns1035;
  if (type.group === 'apps' && type.kind === 'StatefulSet') return label;
  if (type.group === 'batch' && type.kind === 'CronJob')
    return (n) => [...subdomain(n), ...(n.length > 52 ? ['must be no more than 52 characters'] : [])];
  if (type.group === 'rbac.authorization.k8s.io') return pathSegment;
  return subdomain;
}

/**
 * Checks `metadata.name` (or `metadata.generateName`, whose trailing dash is allowed) against the kind's rule:
 * DNS-1123 subdomain for most kinds, label for namespaces and stateful sets, DNS-1035 for services, path segment
 * for RBAC. Returns the causes, with the real server's messages.
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/names/
 */
export function nameCauses(
  type: Pick<ResourceType, 'group' | 'kind'>,
  name: string,
  generateName?: string,
): StatusCause[] {
  if (!name && !generateName) {
    return [
      {
        reason: 'FieldValueRequired',
        message: 'Required value: name or generateName is required',
        field: 'metadata.name',
      },
    ];
  }
  const field = name ? 'metadata.name' : 'metadata.generateName';
  const value = name || generateName!;
  const checked = name ? name : generateName!.replace(/-$/, '') || 'a';
  return nameRule(type)(checked).map((message) => ({
    reason: 'FieldValueInvalid',
    message: `Invalid value: "${value}": ${message}`,
    field,
  }));
}

function qualifiedNameErrors(key: string): string[] {
  const parts = key.split('/');
  if (parts.length > 2) return [NAME_PART_MSG];
  const [prefix, name] = parts.length === 2 ? parts : [undefined, parts[0]!];
  const errors: string[] = [];
  if (prefix !== undefined) {
    if (prefix === '') errors.push('prefix part must be non-empty');
    else errors.push(...subdomain(prefix).map((m) => `prefix part ${m}`));
  }
  if (!name) errors.push('name part must be non-empty');
  else if (name.length > 63) errors.push('name part must be no more than 63 characters');
  else if (!QUALIFIED_NAME.test(name)) errors.push(NAME_PART_MSG);
  return errors;
}

/**
 * Checks label keys and values and annotation keys and total size as the real server does.
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#syntax-and-character-set
 */
export function labelCauses(labels: unknown, annotations: unknown, path = 'metadata'): StatusCause[] {
  const causes: StatusCause[] = [];
  const invalid = (field: string, value: string, message: string) =>
    causes.push({ reason: 'FieldValueInvalid', message: `Invalid value: "${value}": ${message}`, field });
  for (const [key, value] of Object.entries((labels ?? {}) as Record<string, unknown>)) {
    for (const m of qualifiedNameErrors(key)) invalid(`${path}.labels`, key, m);
    const text = String(value);
    if (text.length > 63) invalid(`${path}.labels`, text, 'must be no more than 63 characters');
    else if (!LABEL_VALUE.test(text)) invalid(`${path}.labels`, text, LABEL_VALUE_MSG);
  }
  let size = 0;
  for (const [key, value] of Object.entries((annotations ?? {}) as Record<string, unknown>)) {
    for (const m of qualifiedNameErrors(key.toLowerCase())) invalid(`${path}.annotations`, key, m);
    size += key.length + String(value).length;
  }
  if (size > 262144) {
    causes.push({
      reason: 'FieldValueTooLong',
      message: 'Too long: must have at most 262144 bytes',
      field: `${path}.annotations`,
    });
  }
  return causes;
}
