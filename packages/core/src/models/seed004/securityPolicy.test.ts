import { describe, expect, it } from 'vitest';
import { NewSecurityPolicy, SecurityPolicy } from './securityPolicy.js';

const id = '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f';
const at = '2026-01-01T00:00:00.000Z';
const policy = { name: 'baseline', rules: [{ id: 'no-privileged' }] };

describe('SecurityPolicy', () => {
  it('audits, is enabled and rates rules MEDIUM by default', () => {
    const parsed = NewSecurityPolicy.parse(policy);
    expect(parsed).toMatchObject({ enforcement: 'AUDIT', enabled: true, description: '' });
    expect(parsed.rules[0]).toEqual({ id: 'no-privileged', description: '', severity: 'MEDIUM', config: {} });
  });

  it('needs unique rule ids', () => {
    expect(NewSecurityPolicy.parse({ name: 'draft' }).rules).toEqual([]);
    const dup = NewSecurityPolicy.safeParse({ ...policy, rules: [{ id: 'a' }, { id: 'a' }] });
    expect(dup.error?.issues[0]?.message).toBe('rule ids must be unique');
  });

  it('refuses unknown enforcement modes and frameworks', () => {
    expect(NewSecurityPolicy.safeParse({ ...policy, enforcement: 'BLOCK' }).success).toBe(false);
    expect(NewSecurityPolicy.safeParse({ ...policy, framework: 'ISO27001' }).success).toBe(false);
    expect(NewSecurityPolicy.safeParse({ ...policy, framework: 'PCI_DSS' }).success).toBe(true);
  });

  it('keeps the same rules once stored', () => {
    const stored = { ...policy, id, created_at: at, updated_at: at };
    expect(SecurityPolicy.safeParse(stored).success).toBe(true);
    expect(SecurityPolicy.safeParse({ ...stored, rules: [{ id: 'a' }, { id: 'a' }] }).success).toBe(false);
  });
});
