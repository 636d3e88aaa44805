import type { DocType, NewDocTemplate } from '@opspilot/core';

/**
 * The templates the generator uses when a user has not saved one of their own for a document type. Users copy and
 * edit them (`documentationGenerator.saveTemplate`); each placeholder is filled by the generator.
 */
export const BUILTIN_DOC_TEMPLATES: Record<'ARCHITECTURE' | 'RUNBOOK' | 'API', NewDocTemplate & { doc_type: DocType }> =
  {
    ARCHITECTURE: {
      name: 'architecture-default',
      doc_type: 'ARCHITECTURE',
      format: 'MARKDOWN',
      body: [
        '# Architecture of {{ scope }}',
        '',
        'Generated {{ generated_at }} from the live cluster {{ cluster }}.',
        '',
        '## Diagram',
        '',
        '```mermaid',
        '{{ mermaid }}```',
        '',
        '## Service catalogue',
        '',
        '{{ catalogue }}',
        '',
      ].join('\n'),
      variables: ['scope', 'generated_at', 'cluster', 'mermaid', 'catalogue'],
    },
    RUNBOOK: {
      name: 'runbook-default',
      doc_type: 'RUNBOOK',
      format: 'MARKDOWN',
      body: '{{ runbook }}\n---\nGenerated {{ generated_at }} from resolved incidents.\n',
      variables: ['runbook', 'generated_at'],
    },
    API: {
      name: 'api-default',
      doc_type: 'API',
      format: 'MARKDOWN',
      body: '{{ reference }}\n---\nGenerated {{ generated_at }} from {{ source }}.\n',
      variables: ['reference', 'generated_at', 'source'],
    },
  };
