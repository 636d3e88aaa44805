import { InputError } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { fleetKindOf } from './fleetKindOf.js';

describe('fleetKindOf', () => {
  it('accepts kinds, plurals and short names as kubectl does', () => {
    expect(['Pod', 'pod', 'pods', 'po'].map(fleetKindOf)).toEqual(['Pod', 'Pod', 'Pod', 'Pod']);
    expect(['ingresses', 'deploy', 'svc', 'statefulsets', 'events'].map(fleetKindOf)).toEqual([
      'Ingress',
      'Deployment',
      'Service',
      'StatefulSet',
      'Event',
    ]);
  });

  it('refuses a kind the fleet does not keep, listing those it does', () => {
    expect(() => fleetKindOf('secrets')).toThrow(InputError);
    expect(() => fleetKindOf('secrets')).toThrow(expect.objectContaining({ hint: expect.stringContaining('pods') }));
  });
});
