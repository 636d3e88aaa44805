import { describe, expect, it } from 'vitest';
import { classifyFile } from './classifyFile.js';

describe('classifyFile', () => {
  it('takes Dockerfiles by name (Dockerfile, Dockerfile.prod, api.dockerfile, Containerfile)', () => {
    for (const path of ['Dockerfile', 'apps/api/Dockerfile.prod', 'api.dockerfile', 'Containerfile'])
      expect(classifyFile(path, '')).toBe('dockerfile');
  });

  it('does not take the per-Dockerfile ignore file (Dockerfile.dockerignore) for a Dockerfile', () => {
    expect(classifyFile('services/api/Dockerfile.dockerignore', '.git\ntarget\n')).toBe('yaml');
  });

  it('sniffs an unnamed file from its first instruction', () => {
    expect(classifyFile('-', '# base\nFROM node:20\n')).toBe('dockerfile');
    expect(classifyFile('-', 'apiVersion: v1\nkind: Pod\n')).toBe('yaml');
  });
});
