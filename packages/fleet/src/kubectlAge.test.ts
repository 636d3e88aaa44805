import { describe, expect, it } from 'vitest';
import { kubectlAge } from './kubectlAge.js';

const now = new Date('2026-01-10T00:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

describe('kubectlAge', () => {
  it('prints ages as kubectl does', () => {
    const cases: [number, string][] = [
      [45, '45s'],
      [119, '119s'],
      [330, '5m30s'],
      [600, '10m'],
      [3 * 3600 + 120, '3h2m'],
      [20 * 3600, '20h'],
      [2 * 86_400 + 4 * 3600, '2d4h'],
      [400 * 86_400, '400d'],
      [3 * 365 * 86_400 + 20 * 86_400, '3y20d'],
    ];
    for (const [seconds, text] of cases) expect(kubectlAge(ago(seconds), now)).toBe(text);
    expect(kubectlAge(undefined, now)).toBe('<unknown>');
  });
});
