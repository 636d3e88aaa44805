import { InputError } from '@opspilot/core';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { DEFAULT_INSTANCE_TYPES } from './defaultPrices.js';

const Price = z.number().min(0, 'must not be negative');

/** One instance type of a pricing file: a whole-node price with its shape, or per-resource prices. */
const InstanceTypeEntry = z
  .object({
    hourly: Price.optional(),
    vcpu: z.number().positive().optional(),
    memory_gib: z.number().positive().optional(),
    gpus: z.number().int().min(0).optional(),
    cpu_core_hour: Price.optional(),
    memory_gib_hour: Price.optional(),
    gpu_hour: Price.optional(),
  })
  .strict();

/**
 * The pricing file (YAML) users edit: overrides of the built-in instance-type catalogue, the flat on-prem prices,
 * storage classes, LoadBalancers, egress and spot discounts by node label. Every field is optional.
 */
export const PricingFile = z
  .object({
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD')
      .default('USD'),
    on_prem: z.object({ cpu_core_hour: Price, memory_gib_hour: Price, gpu_hour: Price.optional() }).strict().optional(),
    instance_types: z.record(z.string().min(1), InstanceTypeEntry).default({}),
    storage_classes: z.record(z.string().min(1), Price).default({}),
    default_storage_gib_month: Price.optional(),
    load_balancer_hour: Price.optional(),
    egress_gib: Price.optional(),
    spot: z
      .array(
        z
          .object({
            label: z.string().regex(/^[^=\s]+=[^=\s]*$/, 'must be a label such as karpenter.sh/capacity-type=spot'),
            discount: z.number().min(0).max(1, 'must be a fraction between 0 and 1'),
          })
          .strict(),
      )
      .optional(),
  })
  .strict();
export type PricingFile = z.infer<typeof PricingFile>;

/** Where in the file a problem is: the 1-based line of the deepest key of `path` found, else of the document. */
function lineOf(text: string, path: readonly PropertyKey[]): number | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const at = (node: unknown) => {
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    return range ? lineCounter.linePos(range[0]).line : undefined;
  };
  for (let depth = path.length; depth > 0; depth--) {
    const sub = path.slice(0, depth) as (string | number)[];
    const parent = depth > 1 ? doc.getIn(sub.slice(0, -1), true) : doc.contents;
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(sub[depth - 1]));
      const line = at(pair?.key);
      if (line) return line;
    }
    const line = at(doc.getIn(sub, true));
    if (line) return line;
  }
  return at(doc.contents);
}

function refuse(text: string, source: string, path: readonly PropertyKey[], message: string): never {
  const line = lineOf(text, path);
  const where = `${source}${line ? `:${line}` : ''}`;
  const field = path.length ? `${path.join('.')}: ` : '';
  throw new InputError(`${where}: ${field}${message}`, {
    hint: 'fix that line of the pricing file (prices are per hour, storage per GiB-month; none may be negative)',
  });
}

/**
 * Reads a pricing file's YAML text, refusing (with {@link InputError} naming `source:line`) anything that is not
 * valid: a negative price, an unknown field, or an instance type that is neither in the built-in catalogue nor
 * described by its own `vcpu` + `memory_gib` (with `hourly`) or per-resource prices.
 * @example
 * const file = parsePricingFile(readFileSync('pricing.yaml', 'utf8'), 'pricing.yaml');
 */
export function parsePricingFile(text: string, source = 'pricing file'): PricingFile {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    throw new InputError(`${source}:${e.linePos?.[0]?.line ?? 1}: not valid YAML: ${e.message.split('\n')[0]}`, {
      hint: 'the pricing file is YAML; see docs/cost.md for an example',
    });
  }
  const parsed = PricingFile.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    refuse(text, source, issue.path, issue.message);
  }
  for (const [name, entry] of Object.entries(parsed.data.instance_types)) {
    const known = DEFAULT_INSTANCE_TYPES[name] !== undefined;
    const shaped = entry.hourly !== undefined && entry.vcpu !== undefined && entry.memory_gib !== undefined;
    const perResource = entry.cpu_core_hour !== undefined && entry.memory_gib_hour !== undefined;
    if (!known && !shaped && !perResource) {
      refuse(
        text,
        source,
        ['instance_types', name],
        `unknown instance type "${name}": give its hourly price with vcpu and memory_gib, or cpu_core_hour and memory_gib_hour`,
      );
    }
    if (known && entry.hourly === undefined && !perResource) {
      refuse(text, source, ['instance_types', name], `instance type "${name}" needs an hourly price`);
    }
  }
  return parsed.data;
}
