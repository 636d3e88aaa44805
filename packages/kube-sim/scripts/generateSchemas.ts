/**
 * Regenerates `src/openapi/kubeSchemas.generated.json`: the field types of every built-in kind the simulated
 * cluster serves, read from the model classes of @kubernetes/client-node (a dev dependency) so that the server can
 * check request bodies field by field and serve OpenAPI schemas for `kubectl explain`.
 *
 * Run: `npx tsx packages/kube-sim/scripts/generateSchemas.ts`
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as k8s from '@kubernetes/client-node';
import { BUILTIN_RESOURCE_TYPES } from '../src/api/resourceTypes.js';

type Attribute = { name: string; baseName: string; type: string; format: string };
type ModelClass = { getAttributeTypeMap(): Attribute[] };
const models = k8s as unknown as Record<string, ModelClass | undefined>;

/** Fields that are `resource.Quantity` in Go (client-node types them as strings): numbers are accepted too. */
const QUANTITY = new Set([
  'V1ResourceRequirements.limits',
  'V1ResourceRequirements.requests',
  'V1VolumeResourceRequirements.limits',
  'V1VolumeResourceRequirements.requests',
  'V1EmptyDirVolumeSource.sizeLimit',
  'V1NodeStatus.capacity',
  'V1NodeStatus.allocatable',
  'V1ResourceQuotaSpec.hard',
  'V1ResourceQuotaStatus.hard',
  'V1ResourceQuotaStatus.used',
  'V1PersistentVolumeSpec.capacity',
  'V1PersistentVolumeClaimStatus.capacity',
  'V1PersistentVolumeClaimStatus.allocatedResources',
  'V1LimitRangeItem.max',
  'V1LimitRangeItem.min',
  'V1LimitRangeItem.default',
  'V1LimitRangeItem.defaultRequest',
  'V1LimitRangeItem.maxLimitRequestRatio',
  'V1PodSpec.overhead',
  'V1ContainerStatus.allocatedResources',
  'V1ResourceFieldSelector.divisor',
  'V2MetricTarget.value',
  'V2MetricTarget.averageValue',
  'V2MetricValueStatus.value',
  'V2MetricValueStatus.averageValue',
]);

const out: Record<string, Record<string, string>> = {};
const required: Record<string, string[]> = {};
const modelsDir = join(dirname(createRequire(import.meta.url).resolve('@kubernetes/client-node')), 'gen', 'models');

/** The fields the API's OpenAPI document lists as required: the model's declaration types them without `?`. */
function requiredFields(model: string): string[] {
  let declaration: string;
  try {
    declaration = readFileSync(join(modelsDir, `${model}.d.ts`), 'utf8');
  } catch {
    return [];
  }
  return [...declaration.matchAll(/^\s+'([A-Za-z0-9_$-]+)':/gm)].map((m) => m[1]!);
}

function typeOf(model: string, attribute: Attribute): string {
  const quantity = QUANTITY.has(`${model}.${attribute.baseName}`);
  const convert = (t: string): string => {
    if (t.startsWith('Array<')) return `[]${convert(t.slice(6, -1))}`;
    const map = t.match(/^\{ \[key: string\]: (.+); \}$/);
    if (map) return `{}${convert(map[1]!)}`;
    if (t === 'string') return quantity ? 'quantity' : 'string';
    if (t === 'number') return attribute.format.startsWith('int') ? attribute.format : 'number';
    if (t === 'boolean') return 'boolean';
    if (t === 'Date') return 'date-time';
    if (t === 'IntOrString') return 'int-or-string';
    if (t === 'any' || t === 'object') return 'any';
    if (models[t]?.getAttributeTypeMap) {
      visit(t);
      return t;
    }
    return 'any';
  };
  return convert(attribute.type);
}

function visit(model: string): void {
  if (out[model]) return;
  out[model] = {};
  const fields: Record<string, string> = {};
  for (const attribute of models[model]!.getAttributeTypeMap()) fields[attribute.baseName] = typeOf(model, attribute);
  out[model] = fields;
  const names = requiredFields(model).filter((f) => f in fields);
  if (names.length > 0) required[model] = names;
}

const kinds: Record<string, string> = {};
for (const type of BUILTIN_RESOURCE_TYPES) {
  const version = type.version.charAt(0).toUpperCase() + type.version.slice(1);
  const group = type.group.split('.')[0] ?? '';
  const prefix = group ? group.charAt(0).toUpperCase() + group.slice(1) : 'Core';
  const candidates = [`${version}${type.kind}`, `${prefix}${version}${type.kind}`];
  const found =
    type.kind === 'Event' ? `${prefix}${version}${type.kind}` : candidates.find((c) => models[c]?.getAttributeTypeMap);
  if (!found || !models[found]?.getAttributeTypeMap) continue;
  visit(found);
  kinds[`${type.group}/${type.version}/${type.kind}`] = found;
}

const target = fileURLToPath(new URL('../src/openapi/kubeSchemas.generated.json', import.meta.url));
writeFileSync(target, `${JSON.stringify({ kinds, models: out, required })}\n`);
console.log(`${Object.keys(kinds).length} kinds, ${Object.keys(out).length} models -> ${target}`);
