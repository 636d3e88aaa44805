import { describe, expect, it } from 'vitest';
import { BUILTIN_DOC_TEMPLATES } from './builtinDocTemplates.js';
import { renderDocTemplate } from './renderDocTemplate.js';

describe('renderDocTemplate', () => {
  it('fills every placeholder once, without expanding placeholders inside values', () => {
    const out = renderDocTemplate(
      { name: 't', body: '# {{ title }}\n{{body}}' },
      { title: 'Backend', body: '{{ title }}' },
    );
    expect(out).toBe('# Backend\n{{ title }}');
  });
  it('names the variables that are missing', () => {
    expect(() => renderDocTemplate(BUILTIN_DOC_TEMPLATES.API, { reference: 'x' })).toThrow(
      /needs generated_at, source/,
    );
  });
});
