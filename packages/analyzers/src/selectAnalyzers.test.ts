import { describe, expect, it } from 'vitest';
import { BUILTIN_ANALYZERS } from './builtinAnalyzers.js';
import { kindsFor, selectAnalyzers } from './selectAnalyzers.js';

describe('selectAnalyzers', () => {
  it('keeps all analyzers without a filter', () => {
    const r = selectAnalyzers(BUILTIN_ANALYZERS, []);
    expect(r.ok && r.value.length).toBe(BUILTIN_ANALYZERS.length);
  });

  it('selects by reported kind, short name or id, case-insensitively', () => {
    const r = selectAnalyzers(BUILTIN_ANALYZERS, ['Service', 'pvc', 'node-not-ready']);
    if (!r.ok) throw r.error;
    expect(r.value.map((a) => a.id).sort()).toEqual(
      [
        'node-not-ready',
        'pvc-lost',
        'pvc-pending',
        'pvc-storage-class-missing',
        'service-loadbalancer-pending',
        'service-no-endpoints',
        'service-selector-no-match',
        'service-target-port',
      ].sort(),
    );
    expect(kindsFor(r.value)).toEqual(
      expect.arrayContaining(['Service', 'Endpoints', 'Pod', 'PersistentVolumeClaim', 'StorageClass', 'Node']),
    );
  });

  it('refuses an unknown term with the accepted kinds as hint', () => {
    const r = selectAnalyzers(BUILTIN_ANALYZERS, ['Pods', 'Gadget']);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toBe('--filter: unknown kind or analyzer "gadget"');
      expect(r.error.hint).toContain('Pod, ');
    }
  });
});
