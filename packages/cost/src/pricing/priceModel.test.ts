import { describe, expect, it } from 'vitest';
import { DEFAULT_INSTANCE_TYPES, OPENCOST_BASE_PRICES } from './defaultPrices.js';
import { PriceModel } from './priceModel.js';

const GIB = 2 ** 30;
const m5 = { labels: { 'node.kubernetes.io/instance-type': 'm5.large' }, cpuCores: 2, memoryBytes: 8 * GIB, gpus: 0 };

describe('PriceModel', () => {
  it('splits a known instance type so that its resources add up to its hourly price', () => {
    const model = new PriceModel();
    const p = model.nodePrices(m5);
    expect(p.source).toBe('instance:m5.large');
    expect(p.cpuCoreHour * 2 + p.memoryGibHour * 8).toBeCloseTo(DEFAULT_INSTANCE_TYPES['m5.large']!.hourly, 10);
    expect(p.cpuCoreHour / p.memoryGibHour).toBeCloseTo(
      OPENCOST_BASE_PRICES.cpuCoreHour / OPENCOST_BASE_PRICES.memoryGibHour,
      8,
    );
    expect(model.nodeHourly(m5)).toBeCloseTo(0.096, 10);
  });

  it('falls back to the flat on-prem prices for an unknown or missing type', () => {
    const model = new PriceModel({ on_prem: { cpu_core_hour: 0.05, memory_gib_hour: 0.01 } });
    const p = model.nodePrices({ labels: {}, cpuCores: 4, memoryBytes: 16 * GIB, gpus: 0 });
    expect(p).toMatchObject({ cpuCoreHour: 0.05, memoryGibHour: 0.01, source: 'on-prem' });
    expect(model.nodeHourly({ labels: {}, cpuCores: 4, memoryBytes: 16 * GIB, gpus: 0 })).toBeCloseTo(0.36, 10);
  });

  it('discounts spot nodes by their label', () => {
    const model = new PriceModel();
    const spot = { ...m5, labels: { ...m5.labels, 'karpenter.sh/capacity-type': 'spot' } };
    expect(model.nodeHourly(spot)).toBeCloseTo(0.096 * 0.3, 10);
    expect(model.nodePrices(spot).source).toBe('instance:m5.large+spot');
    const custom = new PriceModel({ spot: [{ label: 'pool=cheap', discount: 0.5 }] });
    expect(custom.nodeHourly({ ...m5, labels: { ...m5.labels, pool: 'cheap' } })).toBeCloseTo(0.048, 10);
    expect(custom.nodeHourly(spot)).toBeCloseTo(0.096, 10);
  });

  it('prices instance types and storage classes of the pricing file', () => {
    const model = new PriceModel({
      instance_types: {
        'my.custom': { hourly: 1.6, vcpu: 16, memory_gib: 64 },
        flat: { cpu_core_hour: 0.1, memory_gib_hour: 0.01 },
      },
      storage_classes: { fast: 0.73 },
    });
    expect(
      model.nodeHourly({
        labels: { 'node.kubernetes.io/instance-type': 'my.custom' },
        cpuCores: 16,
        memoryBytes: 64 * GIB,
        gpus: 0,
      }),
    ).toBeCloseTo(1.6, 10);
    expect(
      model.nodePrices({
        labels: { 'node.kubernetes.io/instance-type': 'flat' },
        cpuCores: 1,
        memoryBytes: GIB,
        gpus: 0,
      }).cpuCoreHour,
    ).toBe(0.1);
    expect(model.storageGibHour('fast')).toBeCloseTo(0.001, 10);
    expect(model.storageGibHour('unknown')).toBeCloseTo(0.04 / 730, 10);
  });
});
