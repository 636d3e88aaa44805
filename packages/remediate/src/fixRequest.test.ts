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
  it('reads everyday words for a problem as its finding class', () => {
    const service = {
      ...finding('service-selector-no-match', 'checkout'),
      resource: { kind: 'Service', name: 'checkout', namespace: 'shop' },
    };
    expect(fitOf('why is checkout not getting traffic, fix it', service)).toBe(13);
    expect(fitOf('fix the pending claim', finding('pvc-storage-class-missing', 'data'))).toBe(3);
    expect(fitOf('lister gets permission denied, fix it', finding('pod-crash-loop', 'lister-7d9f8c6b5d-abcde'))).toBe(
      11,
    );
    expect(fitOf('worker does not start, repair it', finding('pod-container-config', 'worker-7d9f8c6b5d-abcde'))).toBe(
      11,
    );
  });
});
