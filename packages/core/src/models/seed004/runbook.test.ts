import { describe, expect, it } from 'vitest';
import { NewRunbook, Runbook } from './runbook.js';

const id = '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f';
const at = '2026-01-01T00:00:00.000Z';
const read = { id: 'describe', name: 'Describe pods', action: 'pod:describe', effect: 'READ' };
const destroy = { id: 'delete-pvc', name: 'Delete PVC', action: 'pvc:delete', effect: 'DESTRUCTIVE' };

describe('Runbook', () => {
  it('applies the seed defaults: manual and approved', () => {
    expect(NewRunbook.parse({ name: 'crashloop', steps: [read] })).toMatchObject({
      description: '',
      trigger_conditions: {},
      auto_execute: false,
      requires_approval: true,
    });
  });

  it('needs at least one step and unique step ids', () => {
    expect(NewRunbook.safeParse({ name: 'empty', steps: [] }).success).toBe(false);
    const dup = NewRunbook.safeParse({ name: 'dup', steps: [read, read] });
    expect(dup.error?.issues[0]?.message).toBe('step ids must be unique');
  });

  it('refuses auto-executing destructive steps without approval', () => {
    const stored = { id, name: 'cleanup', steps: [read, destroy], auto_execute: true, created_at: at, updated_at: at };
    expect(Runbook.safeParse(stored).success).toBe(true);
    const unattended = Runbook.safeParse({ ...stored, requires_approval: false });
    expect(unattended.error?.issues[0]?.path).toEqual(['requires_approval']);
    expect(Runbook.safeParse({ ...stored, requires_approval: false, steps: [read] }).success).toBe(true);
    expect(Runbook.safeParse({ ...stored, requires_approval: false, auto_execute: false }).success).toBe(true);
  });

  it('keeps to the seed name width', () => {
    expect(NewRunbook.safeParse({ name: 'x'.repeat(256), steps: [read] }).success).toBe(false);
  });
});
