import { describe, expect, it } from 'vitest';
import { GeneratedConfig, GeneratedFilePath, NewGeneratedConfig } from './generatedConfig.js';

const cfg = {
  id: '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f',
  file_path: 'Dockerfile',
  content: 'FROM node:20-alpine',
  generator_tool: 'opspilot',
  resource_type: 'Dockerfile',
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
};

describe('GeneratedConfig', () => {
  it('starts in GENERATED with review required and no validation results', () => {
    expect(GeneratedConfig.parse(cfg)).toMatchObject({
      state: 'GENERATED',
      human_review_required: true,
      validation_results: [],
      review_notes: '',
    });
  });

  it('refuses an unknown state, a lowercase state and a missing generator', () => {
    expect(GeneratedConfig.safeParse({ ...cfg, state: 'DRAFT' }).success).toBe(false);
    expect(GeneratedConfig.safeParse({ ...cfg, state: 'needs_review' }).success).toBe(false);
    expect(GeneratedConfig.safeParse({ ...cfg, generator_tool: '' }).success).toBe(false);
    expect(GeneratedConfig.safeParse({ ...cfg, state: 'NEEDS_REVIEW' }).success).toBe(true);
  });

  it('checks each validation result', () => {
    const warning = { rule: 'no-latest-tag', severity: 'WARNING', message: 'pin the image tag', line: 1 };
    expect(GeneratedConfig.parse({ ...cfg, validation_results: [warning] }).validation_results).toHaveLength(1);
    expect(GeneratedConfig.safeParse({ ...cfg, validation_results: [{ ...warning, severity: 'warn' }] }).success).toBe(
      false,
    );
  });

  it('does not let a caller choose the id or the starting state', () => {
    const { id: _id, created_at: _c, updated_at: _u, ...fields } = cfg;
    const parsed = NewGeneratedConfig.parse({ ...fields, state: 'APPROVED' });
    expect('state' in parsed).toBe(false);
    expect('id' in parsed).toBe(false);
  });
});

describe('GeneratedFilePath', () => {
  it.each(['Dockerfile', 'k8s/backend.yaml', 'charts/todo/templates/service.yaml', './k8s/a.yaml', 'a..b/c.yaml'])(
    'accepts %s',
    (path) => expect(GeneratedFilePath.safeParse(path).success).toBe(true),
  );

  it.each(['', '/etc/passwd', '\\\\server\\share', 'C:\\k8s\\a.yaml', '../outside.yaml', 'k8s/../../x', 'a\0b'])(
    'refuses %j',
    (path) => expect(GeneratedFilePath.safeParse(path).success).toBe(false),
  );
});
