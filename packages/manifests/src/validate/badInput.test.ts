import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { healthyDeployment } from '../rules/testing/kubeTesting.js';
import { validateFiles } from './validateFiles.js';

const KEYWORDS = [
  'FROM',
  'RUN',
  'CMD',
  'COPY',
  'ADD',
  'USER',
  'EXPOSE',
  'ENV',
  'ARG',
  'WORKDIR',
  'HEALTHCHECK',
  'ENTRYPOINT',
  'ONBUILD',
  'SHELL',
  '#',
  '\\',
];

/** Every finding names a file of the input and carries a position. */
function wellFormed(findings: { file: string; line?: number; column?: number }[], paths: string[]): boolean {
  return findings.every((f) => paths.includes(f.file) && (f.line ?? 1) >= 1 && (f.column ?? 1) >= 1);
}

describe('bad input never crashes or hangs validateFiles (fast-check)', () => {
  it('survives arbitrary text as YAML and as a Dockerfile', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 400, unit: 'binary' }), async (text) => {
        const paths = ['x.yaml', 'Dockerfile'];
        const report = await validateFiles(paths.map((path) => ({ path, content: text })));
        expect(wellFormed(report.findings, paths)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('survives arbitrary bytes (binary, invalid UTF-8) with an error naming the file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        const report = await validateFiles([{ path: 'blob.yaml', content: bytes }]);
        expect(wellFormed(report.findings, ['blob.yaml'])).toBe(true);
        const refused = report.findings.filter((f) => f.category === 'input' && f.rule.startsWith('file-'));
        for (const f of refused) expect(f.message).toContain('blob.yaml');
      }),
      { numRuns: 150 },
    );
  });

  it('survives any JSON-like value written as a manifest, and mutated Kubernetes objects', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 6 }), fc.jsonValue({ maxDepth: 3 }), async (value, patch) => {
        const d = healthyDeployment();
        d.spec.template.spec.containers[0].resources = patch;
        d.spec.template.spec.volumes = patch;
        d.spec.selector = patch;
        const content = `${stringify(value)}---\n${stringify(d)}`;
        const report = await validateFiles([{ path: 'm.yaml', content }]);
        expect(wellFormed(report.findings, ['m.yaml'])).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('survives random Dockerfiles built from real keywords', async () => {
    const line = fc.tuple(fc.constantFrom(...KEYWORDS), fc.string({ maxLength: 40 })).map(([k, a]) => `${k} ${a}`);
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 30 }), async (lines) => {
        const report = await validateFiles([{ path: 'Dockerfile', content: lines.join('\n') }]);
        expect(wellFormed(report.findings, ['Dockerfile'])).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('refuses YAML bombs of any fan-out and depth', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 5, max: 12 }), fc.integer({ min: 4, max: 9 }), async (fan, depth) => {
        const lines = ['l0: &l0 [x, x, x]'];
        for (let i = 1; i <= depth; i++)
          lines.push(
            `l${i}: &l${i} [${Array(fan)
              .fill(`*l${i - 1}`)
              .join(', ')}]`,
          );
        const report = await validateFiles([{ path: 'bomb.yaml', content: `${lines.join('\n')}\n` }]);
        expect(report.findings.map((f) => f.rule)).toEqual(['yaml-alias-limit']);
        expect(report.findings[0]?.message).toMatch(/YAML bomb/);
      }),
      { numRuns: 20 },
    );
  });

  it('refuses deeply nested flow and block documents', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 250, max: 1500 }), fc.boolean(), async (depth, flow) => {
        const content = flow
          ? `${'['.repeat(depth)}${']'.repeat(depth)}`
          : Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
        const report = await validateFiles([{ path: 'deep.yaml', content }]);
        expect(report.findings.map((f) => f.rule)).toEqual(['yaml-too-deep']);
      }),
      { numRuns: 8 },
    );
  });

  it('refuses flow nesting far beyond the limit at once, without parsing', async () => {
    const depth = 1_000_000;
    const report = await validateFiles([
      { path: 'deep.yaml', content: `${'{a: '.repeat(depth)}1${'}'.repeat(depth)}` },
    ]);
    expect(report.findings.map((f) => [f.rule, f.message])).toEqual([
      ['yaml-too-deep', 'flow collections nest 1000000 levels deep; at most 200 are read'],
    ]);
  });
});
