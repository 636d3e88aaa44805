import { describe, expect, it } from 'vitest';
import { Quantity, ResourceList } from './quantity.js';

describe('Quantity', () => {
  it.each(['500m', '2', '0.5', '.5', '512Mi', '1.5Gi', '1e3', '1E-2', '100k', '+1'])('accepts %s', (q) => {
    expect(Quantity.safeParse(q).success).toBe(true);
  });

  it.each(['512MB', 'half', '', '1 Gi', 'Mi', '1ki', '1.2.3', '5mi'])('refuses %s', (q) => {
    expect(Quantity.safeParse(q).success).toBe(false);
  });

  it('checks every value of a resource list', () => {
    expect(ResourceList.safeParse({ cpu: '250m', memory: '256Mi', 'nvidia.com/gpu': '1' }).success).toBe(true);
    expect(ResourceList.safeParse({ cpu: '250m', memory: '256MB' }).success).toBe(false);
  });
});
