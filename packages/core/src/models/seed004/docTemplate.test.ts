import { describe, expect, it } from 'vitest';
import { DocTemplate, NewDocTemplate, templatePlaceholders } from './docTemplate.js';

const id = '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f';
const at = '2026-01-01T00:00:00.000Z';
const body = '# {{ incident_title }}\n\nRoot cause: {{root_cause}}\n\n{{ incident_title }} again';
const template = { name: 'post-mortem', doc_type: 'POST_MORTEM', body, variables: ['incident_title', 'root_cause'] };

describe('templatePlaceholders', () => {
  it('lists each snake_case placeholder once, in order of first use', () => {
    expect(templatePlaceholders(body)).toEqual(['incident_title', 'root_cause']);
  });

  it('ignores text that is not a placeholder', () => {
    expect(templatePlaceholders('{ single } {{ Not-Snake }} {{}}')).toEqual([]);
  });
});

describe('DocTemplate', () => {
  it('defaults to Markdown', () => {
    expect(NewDocTemplate.parse(template)).toEqual({ ...template, format: 'MARKDOWN' });
  });

  it('requires every placeholder to be declared', () => {
    const r = NewDocTemplate.safeParse({ ...template, variables: ['incident_title'] });
    expect(r.error?.issues[0]?.message).toBe('every {{ placeholder }} in body must be listed in variables');
    expect(NewDocTemplate.safeParse({ ...template, body: 'static text', variables: [] }).success).toBe(true);
  });

  it('refuses repeated or malformed variable names', () => {
    const dup = NewDocTemplate.safeParse({ ...template, variables: [...template.variables, 'root_cause'] });
    expect(dup.error?.issues[0]?.message).toBe('variables must not repeat a name');
    expect(NewDocTemplate.safeParse({ ...template, variables: ['Incident-Title'] }).success).toBe(false);
  });

  it('keeps its rules once stored', () => {
    expect(DocTemplate.safeParse({ ...template, id, created_at: at }).success).toBe(true);
    expect(DocTemplate.safeParse({ ...template, id, created_at: at, variables: [] }).success).toBe(false);
  });
});
