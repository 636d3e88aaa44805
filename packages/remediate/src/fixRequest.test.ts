import type { Finding } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { baseName, fitOf, isFixRequest } from './fixRequest.js';

const finding = (analyzer: string, name: string): Finding => ({
  id: `${analyzer}:pod/shop/${name}`,
  analyzer,
  severity: 'HIGH',
  resource: { kind: 'Pod', name, namespace: 'shop' },
  message: 'x',
  evidence: [],
  sensitive: [],
});

describe('fix requests', () => {
  it('tells a repair request from a question or another operation', () => {
    expect(isFixRequest('fix the oom pod')).toBe(true);
    expect(isFixRequest('the webapp is not working, repair it')).toBe(true);
    expect(isFixRequest('why is api crashing')).toBe(false);
    expect(isFixRequest('scale api to 3 replicas')).toBe(false);
  });
  it('reads the workload name of a pod', () => {
    expect(baseName('api-7d9f8c6b5d-x2x4k')).toBe('api');
    expect(baseName('web-0abcd')).toBe('web');
  });
  it('scores the object named above the problem word', () => {
    const oom = finding('pod-oom-killed', 'cache-7d9f8c6b5d-x2x4k');
    const crash = finding('pod-crash-loop', 'api-7d9f8c6b5d-abcde');
    expect(fitOf('fix the oom pod', oom)).toBe(3);
    expect(fitOf('fix the oom pod', crash)).toBe(0);
    expect(fitOf('why is api crashing and fix it', crash)).toBe(11);
  });
});
