import { describe, expect, it } from 'vitest';
import { formatQuantity, parseResourceList } from './quantities.js';

describe('quantities as quota and limit messages print them', () => {
  it('prints CPU as cores or millicores and memory with the largest exact suffix', () => {
    expect(formatQuantity(2, 'requests.cpu')).toBe('2');
    expect(formatQuantity(0.5, 'cpu')).toBe('500m');
    expect(formatQuantity(0.05, 'limits.cpu')).toBe('50m');
    expect(formatQuantity(2 ** 30, 'requests.memory')).toBe('1Gi');
    expect(formatQuantity(384 * 2 ** 20, 'limits.memory')).toBe('384Mi');
    expect(formatQuantity(1e9, 'requests.storage')).toBe('1G');
    expect(formatQuantity(1500, 'memory')).toBe('1500');
    expect(formatQuantity(3, 'count/deployments.apps')).toBe('3');
    expect(formatQuantity(2000, 'pods')).toBe('2000');
    expect(formatQuantity(2000 * 0.01, 'requests.cpu')).toBe('20');
    expect(formatQuantity(0, 'requests.memory')).toBe('0');
  });

  it('parses resource lists, skipping malformed entries', () => {
    expect(parseResourceList({ cpu: '250m', memory: '1Gi', bad: 'lots', n: 3 })).toEqual({
      cpu: 0.25,
      memory: 2 ** 30,
      n: 3,
    });
    expect(parseResourceList(undefined)).toEqual({});
  });
});
