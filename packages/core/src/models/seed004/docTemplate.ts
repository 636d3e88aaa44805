import { z } from 'zod';
import { Timestamp, Uuid } from '../common.js';
import { DocFormat, DocType } from './generatedDoc.js';
import { type ModelRule, withRules } from './withRules.js';

const VARIABLE = /^[a-z_][a-z0-9_]*$/;
const PLACEHOLDER = /\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}/g;

/**
 * The variable names a template body uses, once each in order of first use: `{{ incident_title }}` yields
 * `incident_title`. Used to check a template's declared variables and, by the generator, to fill them.
 */
export function templatePlaceholders(body: string): string[] {
  return [...new Set(Array.from(body.matchAll(PLACEHOLDER), (m) => m[1] as string))];
}

const templateFields = {
  name: z.string().min(1).max(255),
  doc_type: DocType,
  format: DocFormat.default('MARKDOWN'),
  /** The text, with `{{ variable }}` placeholders. */
  body: z.string().min(1),
  /** Every variable the body uses, snake_case. */
  variables: z.array(z.string().regex(VARIABLE, 'must be a snake_case variable name')).default([]),
};

const templateRules: ModelRule<{ body: string; variables: string[] }>[] = [
  {
    check: (t) => new Set(t.variables).size === t.variables.length,
    message: 'variables must not repeat a name',
    path: ['variables'],
  },
  {
    check: (t) => templatePlaceholders(t.body).every((name) => t.variables.includes(name)),
    message: 'every {{ placeholder }} in body must be listed in variables',
    path: ['variables'],
  },
];

/** A template documents are generated from (seed 004 `doc_templates`), e.g. the post-mortem outline. */
export const DocTemplate = withRules(z.object({ id: Uuid, ...templateFields, created_at: Timestamp }), templateRules);
export type DocTemplate = z.infer<typeof DocTemplate>;

/** What a caller supplies to create a {@link DocTemplate}. */
export const NewDocTemplate = withRules(z.object(templateFields), templateRules);
export type NewDocTemplate = z.input<typeof NewDocTemplate>;
