import { InputError } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { parsePricingFile } from './pricingFile.js';

const GOOD = `currency: EUR
on_prem:
  cpu_core_hour: 0.02
  memory_gib_hour: 0.003
instance_types:
  m5.large:
    hourly: 0.1
  my.custom:
    hourly: 1.2
    vcpu: 16
    memory_gib: 64
storage_classes:
  fast: 0.2
spot:
  - label: pool=spot
    discount: 0.6
`;

describe('parsePricingFile', () => {
  it('reads a valid file', () => {
    const file = parsePricingFile(GOOD);
    expect(file.currency).toBe('EUR');
    expect(file.instance_types['my.custom']).toEqual({ hourly: 1.2, vcpu: 16, memory_gib: 64 });
    expect(file.spot).toEqual([{ label: 'pool=spot', discount: 0.6 }]);
  });

  it('refuses a negative price, naming its line', () => {
    const text = GOOD.replace('  fast: 0.2', '  fast: -0.2');
    expect(() => parsePricingFile(text, 'pricing.yaml')).toThrow(InputError);
    expect(() => parsePricingFile(text, 'pricing.yaml')).toThrow(
      /^pricing\.yaml:13: storage_classes\.fast: must not be negative/,
    );
  });

  it('refuses a negative hourly price of an instance type, naming its line', () => {
    expect(() => parsePricingFile(GOOD.replace('hourly: 0.1', 'hourly: -1'), 'p.yaml')).toThrow(/^p\.yaml:7: /);
  });

  it('refuses an unknown instance type without a shape, naming its line', () => {
    const text = `${GOOD}`.replace('instance_types:\n', 'instance_types:\n  z9.giant:\n    hourly: 3\n');
    expect(() => parsePricingFile(text, 'p.yaml')).toThrow(
      /^p\.yaml:6: instance_types\.z9\.giant: unknown instance type "z9\.giant"/,
    );
  });

  it('refuses unknown fields and bad YAML', () => {
    expect(() => parsePricingFile('currency: USD\nnonsense: 1\n')).toThrow(/:1: .*[Uu]nrecognized/);
    expect(() => parsePricingFile('a: [\n')).toThrow(/not valid YAML/);
  });

  it('takes an empty file as all defaults', () => {
    expect(parsePricingFile('').instance_types).toEqual({});
  });
});
