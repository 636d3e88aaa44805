import { describe, expect, it } from 'vitest';
import { HEALTHY_DOCKERFILE, runDockerRule } from '../testing/dockerTesting.js';
import { dockerMultiStage } from './dockerMultiStage.js';

describe('dockerMultiStage', () => {
  it('passes a healthy Dockerfile', () => {
    expect(runDockerRule(dockerMultiStage, HEALTHY_DOCKERFILE)).toEqual([]);
  });

  it('reports the offending instruction with a fix', () => {
    const v = runDockerRule(
      dockerMultiStage,
      'FROM node:20.11-alpine3.19\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nUSER node\nCMD ["node", "dist/server.js"]\n',
    );
    expect(v.map((x) => x.line)).toEqual([4]);
    expect(v.every((x) => x.rule === dockerMultiStage.id && (x.fix ?? '').length > 0)).toBe(true);
  });
});
