import { InputError } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { parseMatchers } from './parseMatchers.js';

describe('parseMatchers', () => {
  it('reads the four operators, quoted or not', () => {
    expect(parseMatchers(['alertname=HighCPU', 'env!=dev', 'namespace=~"todo|shop"', 'pod!~backend-.*'])).toEqual([
      { name: 'alertname', value: 'HighCPU', isRegex: false, isEqual: true },
      { name: 'env', value: 'dev', isRegex: false, isEqual: false },
      { name: 'namespace', value: 'todo|shop', isRegex: true, isEqual: true },
      { name: 'pod', value: 'backend-.*', isRegex: true, isEqual: false },
    ]);
  });

  it('refuses what is not a matcher', () => {
    expect(() => parseMatchers(['HighCPU'])).toThrow(InputError);
    expect(() => parseMatchers(['1x=y'])).toThrow(/not name=value/);
  });
});
