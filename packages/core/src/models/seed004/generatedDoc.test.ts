import { describe, expect, it } from 'vitest';
import { GeneratedDoc, NewGeneratedDoc } from './generatedDoc.js';

const id = '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f';
const at = '2026-01-01T00:00:00.000Z';
const doc = { title: 'Backend outage', doc_type: 'POST_MORTEM', content: '# Backend outage' };

describe('GeneratedDoc', () => {
  it('defaults to version 1 of a Markdown document with no sources', () => {
    expect(NewGeneratedDoc.parse(doc)).toEqual({ ...doc, format: 'MARKDOWN', source_refs: [], version: 1 });
  });

  it('refuses empty content, version 0 and unknown types', () => {
    expect(NewGeneratedDoc.safeParse({ ...doc, content: '' }).success).toBe(false);
    expect(NewGeneratedDoc.safeParse({ ...doc, version: 0 }).success).toBe(false);
    expect(NewGeneratedDoc.safeParse({ ...doc, doc_type: 'README' }).success).toBe(false);
    expect(NewGeneratedDoc.safeParse({ ...doc, format: 'PDF' }).success).toBe(false);
  });

  it('names its sources as kind:ref', () => {
    const sources = [`incident:${id}`, 'resource:deployment/todo/backend', 'url:https://example.com/adr/7'];
    expect(NewGeneratedDoc.safeParse({ ...doc, source_refs: sources }).success).toBe(true);
    for (const bad of [id, 'incident:', 'Incident:1', 'incident: 1']) {
      expect(NewGeneratedDoc.safeParse({ ...doc, source_refs: [bad] }).success).toBe(false);
    }
  });

  it('needs both timestamps once stored', () => {
    expect(GeneratedDoc.safeParse({ ...doc, id, created_at: at, updated_at: at }).success).toBe(true);
    expect(GeneratedDoc.safeParse({ ...doc, id, created_at: at }).success).toBe(false);
  });
});
