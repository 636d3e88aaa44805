import { describe, expect, it } from 'vitest';
import { joinFieldPath, splitFieldPath } from './fieldPath.js';

describe('field paths', () => {
  it('splits dotted paths with indexes and quoted keys', () => {
    expect(splitFieldPath('spec.template.spec.containers[0].image')).toEqual([
      'spec',
      'template',
      'spec',
      'containers',
      0,
      'image',
    ]);
    expect(splitFieldPath('metadata.annotations["opspilot.dev/ignore"]')).toEqual([
      'metadata',
      'annotations',
      'opspilot.dev/ignore',
    ]);
  });

  it('joins keys back, quoting those with dots', () => {
    expect(joinFieldPath(joinFieldPath('', 'spec'), 2)).toBe('spec[2]');
    expect(joinFieldPath('metadata.labels', 'app.kubernetes.io/name')).toBe(
      'metadata.labels["app.kubernetes.io/name"]',
    );
    expect(splitFieldPath(joinFieldPath('metadata.labels', 'a.b/c'))).toEqual(['metadata', 'labels', 'a.b/c']);
  });
});
