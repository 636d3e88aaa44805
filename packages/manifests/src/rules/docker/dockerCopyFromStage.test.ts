import { describe, expect, it } from 'vitest';
import { breakDockerfile, HEALTHY_DOCKERFILE, runDockerRule } from '../testing/dockerTesting.js';
import { dockerCopyFromStage } from './dockerCopyFromStage.js';

describe('dockerCopyFromStage', () => {
  it('passes a healthy Dockerfile', () => {
    expect(runDockerRule(dockerCopyFromStage, HEALTHY_DOCKERFILE)).toEqual([]);
  });

  it('reports the offending instruction with a fix', () => {
    const v = runDockerRule(
      dockerCopyFromStage,
      breakDockerfile('COPY --from=build /src/dist /app/dist', 'COPY --from=biuld /src/dist /app/dist'),
    );
    expect(v.map((x) => x.line)).toEqual([11]);
    expect(v.every((x) => x.rule === dockerCopyFromStage.id && (x.fix ?? '').length > 0)).toBe(true);
    expect(v[0]?.message).toContain('biuld');
  });
});
