import {
  DEFAULT_EGRESS_GIB,
  DEFAULT_INSTANCE_TYPES,
  DEFAULT_LOAD_BALANCER_HOUR,
  DEFAULT_SPOT_LABELS,
  DEFAULT_STORAGE_CLASSES,
  DEFAULT_STORAGE_GIB_MONTH,
  HOURS_PER_MONTH,
  type InstanceTypePrice,
  OPENCOST_BASE_PRICES,
} from './defaultPrices.js';
import type { PricingFile } from './pricingFile.js';

/** Hourly unit prices of one node's resources, after any spot discount. */
export interface NodePrices {
  cpuCoreHour: number;
  memoryGibHour: number;
  gpuHour: number;
  /** Where the prices came from: `instance:m5.large`, `on-prem`, plus `+spot` when discounted. */
  source: string;
}

/** What the price model needs to know of a node. */
export interface PricedNode {
  labels: Readonly<Record<string, string>>;
  cpuCores: number;
  memoryBytes: number;
  gpus: number;
}

/** Labels that name a node's instance type (current and deprecated). */
export const INSTANCE_TYPE_LABELS = ['node.kubernetes.io/instance-type', 'beta.kubernetes.io/instance-type'] as const;

const GIB = 2 ** 30;

/**
 * Prices of nodes, volumes and LoadBalancers: the built-in catalogue overridden by the user's pricing file. A
 * node of a known instance type has its hourly price split between CPU, memory and GPU the way OpenCost does
 * (in proportion to the base prices); an unknown or missing type falls back to the flat on-prem prices. A spot
 * label applies its discount.
 */
export class PriceModel {
  readonly currency: string;
  readonly loadBalancerHour: number;
  readonly egressGib: number;
  private readonly types: Map<string, { split?: Omit<NodePrices, 'source'>; whole?: InstanceTypePrice }>;
  private readonly onPrem: Omit<NodePrices, 'source'>;
  private readonly storage: Record<string, number>;
  private readonly defaultStorage: number;
  private readonly spot: readonly { key: string; value: string; discount: number }[];

  constructor(file: Partial<PricingFile> = {}) {
    this.currency = file.currency ?? 'USD';
    this.loadBalancerHour = file.load_balancer_hour ?? DEFAULT_LOAD_BALANCER_HOUR;
    this.egressGib = file.egress_gib ?? DEFAULT_EGRESS_GIB;
    this.onPrem = file.on_prem
      ? {
          cpuCoreHour: file.on_prem.cpu_core_hour,
          memoryGibHour: file.on_prem.memory_gib_hour,
          gpuHour: file.on_prem.gpu_hour ?? OPENCOST_BASE_PRICES.gpuHour,
        }
      : { ...OPENCOST_BASE_PRICES };
    this.types = new Map(Object.entries(DEFAULT_INSTANCE_TYPES).map(([k, whole]) => [k, { whole }]));
    for (const [name, e] of Object.entries(file.instance_types ?? {})) {
      if (e.cpu_core_hour !== undefined && e.memory_gib_hour !== undefined) {
        this.types.set(name, {
          split: { cpuCoreHour: e.cpu_core_hour, memoryGibHour: e.memory_gib_hour, gpuHour: e.gpu_hour ?? 0 },
        });
        continue;
      }
      const base = DEFAULT_INSTANCE_TYPES[name];
      this.types.set(name, {
        whole: {
          hourly: e.hourly ?? base?.hourly ?? 0,
          vcpu: e.vcpu ?? base?.vcpu ?? 1,
          memoryGib: e.memory_gib ?? base?.memoryGib ?? 1,
          gpus: e.gpus ?? base?.gpus ?? 0,
        },
      });
    }
    this.storage = { ...DEFAULT_STORAGE_CLASSES, ...(file.storage_classes ?? {}) };
    this.defaultStorage = file.default_storage_gib_month ?? DEFAULT_STORAGE_GIB_MONTH;
    this.spot = (file.spot ?? DEFAULT_SPOT_LABELS).map((s) => {
      const [key, value] = s.label.split('=') as [string, string];
      return { key, value, discount: s.discount };
    });
  }

  /** The instance type a node's labels name, if any. */
  static instanceTypeOf(labels: Readonly<Record<string, string>>): string | undefined {
    for (const l of INSTANCE_TYPE_LABELS) if (labels[l]) return labels[l];
    return undefined;
  }

  /** Hourly unit prices of a node's CPU cores, GiB of memory and GPUs. */
  nodePrices(node: PricedNode): NodePrices {
    const type = PriceModel.instanceTypeOf(node.labels);
    const entry = type ? this.types.get(type) : undefined;
    let prices: Omit<NodePrices, 'source'>;
    let source: string;
    if (entry?.split) {
      prices = entry.split;
      source = `instance:${type}`;
    } else if (entry?.whole) {
      prices = splitNodePrice(entry.whole);
      source = `instance:${type}`;
    } else {
      prices = this.onPrem;
      source = 'on-prem';
    }
    const spot = this.spot.find((s) => node.labels[s.key] === s.value);
    if (!spot) return { ...prices, source };
    const f = 1 - spot.discount;
    return {
      cpuCoreHour: prices.cpuCoreHour * f,
      memoryGibHour: prices.memoryGibHour * f,
      gpuHour: prices.gpuHour * f,
      source: `${source}+spot`,
    };
  }

  /** Hourly price of a whole node. */
  nodeHourly(node: PricedNode): number {
    const p = this.nodePrices(node);
    return p.cpuCoreHour * node.cpuCores + (p.memoryGibHour * node.memoryBytes) / GIB + p.gpuHour * node.gpus;
  }

  /** Price per GiB-hour of a volume of `storageClass`. */
  storageGibHour(storageClass: string | undefined): number {
    const month = (storageClass ? this.storage[storageClass] : undefined) ?? this.defaultStorage;
    return month / HOURS_PER_MONTH;
  }
}

/** OpenCost's split of a node's hourly price into per-core, per-GiB and per-GPU prices by the base price weights. */
export function splitNodePrice(t: InstanceTypePrice): Omit<NodePrices, 'source'> {
  const b = OPENCOST_BASE_PRICES;
  const gpus = t.gpus ?? 0;
  const weight = t.vcpu * b.cpuCoreHour + t.memoryGib * b.memoryGibHour + gpus * b.gpuHour;
  const f = weight > 0 ? t.hourly / weight : 0;
  return { cpuCoreHour: b.cpuCoreHour * f, memoryGibHour: b.memoryGibHour * f, gpuHour: gpus ? b.gpuHour * f : 0 };
}
